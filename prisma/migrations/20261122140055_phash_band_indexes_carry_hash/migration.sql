-- DropIndex
DROP INDEX "listing_images_phashBand0_idx";

-- DropIndex
DROP INDEX "listing_images_phashBand1_idx";

-- DropIndex
DROP INDEX "listing_images_phashBand2_idx";

-- DropIndex
DROP INDEX "listing_images_phashBand3_idx";

-- CreateIndex
CREATE INDEX "listing_images_phashBand0_phashInt_id_idx" ON "listing_images"("phashBand0", "phashInt", "id");

-- CreateIndex
CREATE INDEX "listing_images_phashBand1_phashInt_id_idx" ON "listing_images"("phashBand1", "phashInt", "id");

-- CreateIndex
CREATE INDEX "listing_images_phashBand2_phashInt_id_idx" ON "listing_images"("phashBand2", "phashInt", "id");

-- CreateIndex
CREATE INDEX "listing_images_phashBand3_phashInt_id_idx" ON "listing_images"("phashBand3", "phashInt", "id");

-- Index-only scans skip the table only for pages vacuum has marked all-visible: vacuum this
-- insert-and-update-heavy table sooner than the default 20 %. (Not expressible in the Prisma schema.)
ALTER TABLE "listing_images" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
