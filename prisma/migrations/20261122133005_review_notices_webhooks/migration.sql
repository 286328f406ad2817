-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'claimed', 'escalated', 'decided');

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "createdBy" TEXT;

-- AlterTable
ALTER TABLE "listing_images" ADD COLUMN     "phashBand0" INTEGER,
ADD COLUMN     "phashBand1" INTEGER,
ADD COLUMN     "phashBand2" INTEGER,
ADD COLUMN     "phashBand3" INTEGER,
ADD COLUMN     "phashInt" BIGINT,
ADD COLUMN     "sellerId" TEXT;

-- CreateTable
CREATE TABLE "policies" (
    "id" UUID NOT NULL,
    "marketplace" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "shadow" BOOLEAN NOT NULL DEFAULT false,
    "rules" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_items" (
    "id" UUID NOT NULL,
    "listingId" UUID NOT NULL,
    "scanId" UUID,
    "marketplace" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'open',
    "severityRank" INTEGER NOT NULL,
    "severity" "Severity" NOT NULL,
    "codes" TEXT[],
    "isAppeal" BOOLEAN NOT NULL DEFAULT false,
    "appealNoticeId" UUID,
    "policyVersion" INTEGER,
    "ruleIds" TEXT[],
    "claimedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "decision" JSONB,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "listing_labels" (
    "id" UUID NOT NULL,
    "listingId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "appliedBy" TEXT NOT NULL,
    "policyVersion" INTEGER,
    "ruleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedBy" TEXT,

    CONSTRAINT "listing_labels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "listingId" UUID,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "reason" TEXT,
    "policyVersion" INTEGER,
    "ruleId" TEXT,
    "shadow" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "notices" (
    "id" UUID NOT NULL,
    "puid" TEXT NOT NULL,
    "listingId" UUID NOT NULL,
    "sellerId" TEXT NOT NULL,
    "statement" JSONB NOT NULL,
    "rendered" JSONB NOT NULL,
    "parentNoticeId" UUID,
    "appealedAt" TIMESTAMP(3),
    "appealReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretExpiresAt" TIMESTAMP(3),
    "ownerKeyId" TEXT,
    "failingSince" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMP(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "endpointId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" INTEGER,
    "nextAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempts" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    "responseExcerpt" TEXT,

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policies_marketplace_version_key" ON "policies"("marketplace", "version");

-- CreateIndex
CREATE INDEX "review_items_status_severityRank_createdAt_idx" ON "review_items"("status", "severityRank" DESC, "createdAt");

-- CreateIndex
CREATE INDEX "review_items_listingId_idx" ON "review_items"("listingId");

-- CreateIndex
CREATE INDEX "listing_labels_listingId_idx" ON "listing_labels"("listingId");

-- CreateIndex
CREATE INDEX "audit_events_listingId_idx" ON "audit_events"("listingId");

-- CreateIndex
CREATE UNIQUE INDEX "notices_puid_key" ON "notices"("puid");

-- CreateIndex
CREATE INDEX "notices_sellerId_createdAt_idx" ON "notices"("sellerId", "createdAt");

-- CreateIndex
CREATE INDEX "outbox_events_dispatchedAt_createdAt_idx" ON "outbox_events"("dispatchedAt", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpointId_createdAt_idx" ON "webhook_deliveries"("endpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_endpointId_eventId_key" ON "webhook_deliveries"("endpointId", "eventId");

-- CreateIndex
CREATE INDEX "webhook_attempts_deliveryId_at_idx" ON "webhook_attempts"("deliveryId", "at");

-- CreateIndex
CREATE INDEX "listing_images_phashBand0_idx" ON "listing_images"("phashBand0");

-- CreateIndex
CREATE INDEX "listing_images_phashBand1_idx" ON "listing_images"("phashBand1");

-- CreateIndex
CREATE INDEX "listing_images_phashBand2_idx" ON "listing_images"("phashBand2");

-- CreateIndex
CREATE INDEX "listing_images_phashBand3_idx" ON "listing_images"("phashBand3");

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listing_labels" ADD CONSTRAINT "listing_labels_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notices" ADD CONSTRAINT "notices_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "outbox_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one unfinished review item per listing: a new flag or an appeal joins the open one.
CREATE UNIQUE INDEX "review_items_one_open_per_listing" ON "review_items"("listingId") WHERE "status" <> 'decided';

-- The audit log is append-only: refuse UPDATE and DELETE at the database, not just in code.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
