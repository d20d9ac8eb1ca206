-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN "gpc" BOOLEAN;
ALTER TABLE "ConsentEvent" ADD COLUMN "region" TEXT;
ALTER TABLE "ConsentEvent" ADD COLUMN "visitorId" TEXT;

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_visitorId_idx" ON "ConsentEvent"("shopId", "visitorId");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_purpose_occurredAt_idx" ON "ConsentEvent"("shopId", "purpose", "occurredAt");

