-- AlterTable
ALTER TABLE "RightsRequest" ADD COLUMN     "clockPaused" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dueOn" TEXT,
ADD COLUMN     "requesterEmailKey" TEXT;

-- CreateTable
CREATE TABLE "DpoDigest" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "emailId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DpoDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DpoDigest_shopId_createdAt_idx" ON "DpoDigest"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DpoDigest_shopId_day_key" ON "DpoDigest"("shopId", "day");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_source_seq_idx" ON "ConsentEvent"("shopId", "source", "seq");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_kind_seq_idx" ON "ConsentEvent"("shopId", "kind", "seq");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_occurredAt_idx" ON "ConsentEvent"("shopId", "occurredAt");

-- CreateIndex
CREATE INDEX "RightsRequest_shopId_receivedAt_id_idx" ON "RightsRequest"("shopId", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "RightsRequest_shopId_type_receivedAt_idx" ON "RightsRequest"("shopId", "type", "receivedAt");

-- CreateIndex
CREATE INDEX "RightsRequest_shopId_closedAt_dueOn_idx" ON "RightsRequest"("shopId", "closedAt", "dueOn");

-- CreateIndex
CREATE INDEX "RightsRequest_shopId_requesterEmailKey_idx" ON "RightsRequest"("shopId", "requesterEmailKey");

-- AddForeignKey
ALTER TABLE "DpoDigest" ADD CONSTRAINT "DpoDigest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The list searches requests by a lower-cased, trimmed copy of the requester e-mail (docs/decisions/056).
UPDATE "RightsRequest" SET "requesterEmailKey" = lower(trim("requesterEmail")) WHERE "requesterEmail" IS NOT NULL;
