-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN     "gpc" BOOLEAN,
ADD COLUMN     "region" TEXT,
ADD COLUMN     "visitorId" TEXT;

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_visitorId_idx" ON "ConsentEvent"("shopId", "visitorId");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_purpose_occurredAt_idx" ON "ConsentEvent"("shopId", "purpose", "occurredAt");

