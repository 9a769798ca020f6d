ALTER TABLE "catalog_holdings" DROP CONSTRAINT "catalog_holdings_record_id_catalog_records_id_fk";
--> statement-breakpoint
ALTER TABLE "catalog_match_keys" DROP CONSTRAINT "catalog_match_keys_record_id_catalog_records_id_fk";
--> statement-breakpoint
DROP INDEX "catalog_records_library_status_idx";--> statement-breakpoint
ALTER TABLE "catalog_match_keys" ALTER COLUMN "key" SET DATA TYPE text COLLATE "C";
