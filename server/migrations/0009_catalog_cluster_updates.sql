DROP INDEX "catalog_clusters_updated_idx";--> statement-breakpoint
ALTER TABLE "catalog_clusters" SET (fillfactor = 80);
