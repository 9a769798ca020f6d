ALTER TABLE "catalog_clusters" ALTER COLUMN "search_doc" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "catalog_records" ALTER COLUMN "marc" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "catalog_records" ALTER COLUMN "features" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "catalog_records" ALTER COLUMN "search_fields" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "catalog_records" ALTER COLUMN "match_explanation" SET DATA TYPE json;