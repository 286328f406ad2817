-- AlterTable
ALTER TABLE "listing_images" ADD COLUMN     "evidenceSha256" CHAR(64);

-- CreateTable
CREATE TABLE "evidence_blobs" (
    "sha256" CHAR(64) NOT NULL,
    "format" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "thumbWidth" INTEGER NOT NULL,
    "thumbHeight" INTEGER NOT NULL,
    "thumbByteSize" INTEGER NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastKeptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_blobs_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "blob_objects" (
    "key" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "blob_objects_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "evidence_blobs_lastKeptAt_idx" ON "evidence_blobs"("lastKeptAt");

-- CreateIndex
CREATE INDEX "listing_images_evidenceSha256_idx" ON "listing_images"("evidenceSha256");

-- Image bytes are compressed already: store them out of line without trying to compress them again.
ALTER TABLE "blob_objects" ALTER COLUMN "data" SET STORAGE EXTERNAL;
