-- The centre hash moves to a table of its own, one row per orientation (as is and mirrored), both in the
-- same four band indexes (each carrying the hash and the image id, index-only distance check): a lookup
-- then probes 7 zooms of the image as is, and one index descent per band value finds both orientations
-- (bench/reuse.bench.ts). Hashes already stored are kept as the as-is row; those images have no mirrored
-- row until they are scanned again, so a mirrored copy of them is not found by the centre hash.
-- CreateTable
CREATE TABLE "listing_image_centre_hashes" (
    "imageId" UUID NOT NULL,
    "mirrored" BOOLEAN NOT NULL,
    "hashInt" BIGINT NOT NULL,
    "band0" INTEGER NOT NULL,
    "band1" INTEGER NOT NULL,
    "band2" INTEGER NOT NULL,
    "band3" INTEGER NOT NULL,

    CONSTRAINT "listing_image_centre_hashes_pkey" PRIMARY KEY ("imageId","mirrored")
);

-- Backfill: the as-is centre hashes stored so far.
INSERT INTO "listing_image_centre_hashes" ("imageId", "mirrored", "hashInt", "band0", "band1", "band2", "band3")
SELECT "id", false, "centreHashInt", "centreBand0", "centreBand1", "centreBand2", "centreBand3"
FROM "listing_images"
WHERE "centreHashInt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "listing_image_centre_hashes_band0_hashInt_imageId_idx" ON "listing_image_centre_hashes"("band0", "hashInt", "imageId");

-- CreateIndex
CREATE INDEX "listing_image_centre_hashes_band1_hashInt_imageId_idx" ON "listing_image_centre_hashes"("band1", "hashInt", "imageId");

-- CreateIndex
CREATE INDEX "listing_image_centre_hashes_band2_hashInt_imageId_idx" ON "listing_image_centre_hashes"("band2", "hashInt", "imageId");

-- CreateIndex
CREATE INDEX "listing_image_centre_hashes_band3_hashInt_imageId_idx" ON "listing_image_centre_hashes"("band3", "hashInt", "imageId");

-- AddForeignKey
ALTER TABLE "listing_image_centre_hashes" ADD CONSTRAINT "listing_image_centre_hashes_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "listing_images"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "listing_images_centreBand0_centreHashInt_id_idx";

-- DropIndex
DROP INDEX "listing_images_centreBand1_centreHashInt_id_idx";

-- DropIndex
DROP INDEX "listing_images_centreBand2_centreHashInt_id_idx";

-- DropIndex
DROP INDEX "listing_images_centreBand3_centreHashInt_id_idx";

-- AlterTable
ALTER TABLE "listing_images" DROP COLUMN "centreBand0",
DROP COLUMN "centreBand1",
DROP COLUMN "centreBand2",
DROP COLUMN "centreBand3",
DROP COLUMN "centreHashInt";
