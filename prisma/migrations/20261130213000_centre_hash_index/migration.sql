-- The crop-robust centre hash beside the pHash (libs/ai-signals centre-hash.ts): a signed int64 and its
-- four 16-bit bands, each band index carrying the hash and id like the pHash's (index-only distance check).
-- Images hashed before this have no centre hash and are found by their pHash only.
-- AlterTable
ALTER TABLE "listing_images" ADD COLUMN     "centreBand0" INTEGER,
ADD COLUMN     "centreBand1" INTEGER,
ADD COLUMN     "centreBand2" INTEGER,
ADD COLUMN     "centreBand3" INTEGER,
ADD COLUMN     "centreHashInt" BIGINT;

-- CreateIndex
CREATE INDEX "listing_images_centreBand0_centreHashInt_id_idx" ON "listing_images"("centreBand0", "centreHashInt", "id");

-- CreateIndex
CREATE INDEX "listing_images_centreBand1_centreHashInt_id_idx" ON "listing_images"("centreBand1", "centreHashInt", "id");

-- CreateIndex
CREATE INDEX "listing_images_centreBand2_centreHashInt_id_idx" ON "listing_images"("centreBand2", "centreHashInt", "id");

-- CreateIndex
CREATE INDEX "listing_images_centreBand3_centreHashInt_id_idx" ON "listing_images"("centreBand3", "centreHashInt", "id");
