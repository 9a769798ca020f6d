CREATE TABLE "catalog_search_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"cluster_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_clusters" ADD COLUMN "search_doc" jsonb;--> statement-breakpoint
ALTER TABLE "catalog_records" ADD COLUMN "search_fields" jsonb;--> statement-breakpoint
CREATE INDEX "catalog_search_changes_changed_idx" ON "catalog_search_changes" USING btree ("changed_at");