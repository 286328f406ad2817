-- Notices say what they did to the seller (effect) and carry their Transparency Database submission.
-- Notices written before this stay not_required: their statements use the vocabulary before the
-- database's 2025 revision and would be refused.
-- AlterTable
ALTER TABLE "notices" ADD COLUMN     "effect" TEXT NOT NULL DEFAULT 'restriction',
ADD COLUMN     "tdbAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tdbErrors" JSONB,
ADD COLUMN     "tdbHttpStatus" INTEGER,
ADD COLUMN     "tdbLastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "tdbNextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "tdbStatus" TEXT NOT NULL DEFAULT 'not_required',
ADD COLUMN     "tdbSubmittedAt" TIMESTAMP(3),
ADD COLUMN     "tdbUuid" TEXT;

-- CreateIndex
CREATE INDEX "notices_tdbStatus_tdbNextAttemptAt_idx" ON "notices"("tdbStatus", "tdbNextAttemptAt");
