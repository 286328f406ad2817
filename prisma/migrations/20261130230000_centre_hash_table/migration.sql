-- The crop-robust centre hash (libs/ai-signals centre-hash.ts) in a table of its own, one row per
-- orientation (as is and mirrored), both in the same four band indexes (each carrying the hash and the
-- image id, index-only distance check): a lookup probes 7 zooms of the image as is, and one index
-- descent per band value finds both orientations (bench/reuse.bench.ts). Images hashed before this have
-- no centre hash until they are scanned again; their pHash still finds them.
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
