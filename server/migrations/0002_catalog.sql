CREATE TABLE "catalog_clusters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"display_record_id" uuid,
	"display_reason" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"author" text,
	"year" smallint,
	"language" text,
	"format" text DEFAULT '' NOT NULL,
	"electronic" boolean DEFAULT false NOT NULL,
	"library_count" integer DEFAULT 0 NOT NULL,
	"record_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"record_a" uuid NOT NULL,
	"record_b" uuid,
	"note" text,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_holdings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"library_id" uuid NOT NULL,
	"source_tag" text,
	"location" text,
	"call_number" text,
	"copies" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_load_problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"load_id" uuid NOT NULL,
	"record_number" integer NOT NULL,
	"byte_offset" bigint NOT NULL,
	"control_number" text,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_loads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"format" text DEFAULT 'auto' NOT NULL,
	"holdings_tag" text,
	"file_name" text NOT NULL,
	"file_path" text NOT NULL,
	"file_size" bigint NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"records_done" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"records_added" integer DEFAULT 0 NOT NULL,
	"records_updated" integer DEFAULT 0 NOT NULL,
	"records_unchanged" integer DEFAULT 0 NOT NULL,
	"records_withdrawn" integer DEFAULT 0 NOT NULL,
	"records_rejected" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "catalog_match_keys" (
	"record_id" uuid NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "catalog_match_keys_record_id_key_pk" PRIMARY KEY("record_id","key")
);
--> statement-breakpoint
CREATE TABLE "catalog_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"library_id" uuid NOT NULL,
	"control_source" text NOT NULL,
	"control_number" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"marc" jsonb NOT NULL,
	"features" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"format" text NOT NULL,
	"electronic" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"year" smallint,
	"language" text,
	"cluster_id" uuid,
	"match_explanation" jsonb,
	"last_load_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_decisions" ADD CONSTRAINT "catalog_decisions_record_a_catalog_records_id_fk" FOREIGN KEY ("record_a") REFERENCES "public"."catalog_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_decisions" ADD CONSTRAINT "catalog_decisions_record_b_catalog_records_id_fk" FOREIGN KEY ("record_b") REFERENCES "public"."catalog_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_decisions" ADD CONSTRAINT "catalog_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_holdings" ADD CONSTRAINT "catalog_holdings_record_id_catalog_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."catalog_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_holdings" ADD CONSTRAINT "catalog_holdings_library_id_organizations_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_load_problems" ADD CONSTRAINT "catalog_load_problems_load_id_catalog_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."catalog_loads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_loads" ADD CONSTRAINT "catalog_loads_library_id_organizations_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_loads" ADD CONSTRAINT "catalog_loads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_match_keys" ADD CONSTRAINT "catalog_match_keys_record_id_catalog_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."catalog_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_records" ADD CONSTRAINT "catalog_records_library_id_organizations_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_records" ADD CONSTRAINT "catalog_records_cluster_id_catalog_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."catalog_clusters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_clusters_updated_idx" ON "catalog_clusters" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "catalog_decisions_a_idx" ON "catalog_decisions" USING btree ("record_a");--> statement-breakpoint
CREATE INDEX "catalog_decisions_b_idx" ON "catalog_decisions" USING btree ("record_b");--> statement-breakpoint
CREATE INDEX "catalog_holdings_record_idx" ON "catalog_holdings" USING btree ("record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_load_problems_position_key" ON "catalog_load_problems" USING btree ("load_id","record_number","reason");--> statement-breakpoint
CREATE INDEX "catalog_loads_library_idx" ON "catalog_loads" USING btree ("library_id","created_at");--> statement-breakpoint
CREATE INDEX "catalog_match_keys_key_idx" ON "catalog_match_keys" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_records_identity_key" ON "catalog_records" USING btree ("library_id","control_source","control_number");--> statement-breakpoint
CREATE INDEX "catalog_records_cluster_idx" ON "catalog_records" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "catalog_records_library_status_idx" ON "catalog_records" USING btree ("library_id","status");