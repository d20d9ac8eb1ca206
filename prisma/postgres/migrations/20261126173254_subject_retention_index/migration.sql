-- CreateIndex
CREATE INDEX "Subject_shopId_lastOrderAt_idx" ON "Subject"("shopId", "lastOrderAt");

