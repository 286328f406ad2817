-- AlterTable
ALTER TABLE "listing_images" ADD COLUMN     "pdq" CHAR(64),
ADD COLUMN     "pdqQuality" INTEGER;

-- CreateTable
CREATE TABLE "hash_lists" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL DEFAULT 31,
    "action" TEXT NOT NULL DEFAULT 'review',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "hash_lists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hash_list_entries" (
    "id" BIGSERIAL NOT NULL,
    "listId" UUID NOT NULL,
    "pdq" CHAR(64) NOT NULL,
    "externalId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hash_list_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "hash_lists_name_key" ON "hash_lists"("name");

-- CreateIndex
CREATE INDEX "hash_list_entries_listId_id_idx" ON "hash_list_entries"("listId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "hash_list_entries_listId_pdq_key" ON "hash_list_entries"("listId", "pdq");

-- AddForeignKey
ALTER TABLE "hash_list_entries" ADD CONSTRAINT "hash_list_entries_listId_fkey" FOREIGN KEY ("listId") REFERENCES "hash_lists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

