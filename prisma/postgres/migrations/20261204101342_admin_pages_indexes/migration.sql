-- DropIndex
DROP INDEX "Subject_shopId_lastOrderAt_idx";

-- CreateIndex
CREATE INDEX "Subject_shopId_lastOrderAt_createdAt_idx" ON "Subject"("shopId", "lastOrderAt", "createdAt");

-- CreateIndex
CREATE INDEX "Job_shopDomain_type_status_idx" ON "Job"("shopDomain", "type", "status");

-- CreateIndex
CREATE INDEX "RightsRequest_shopId_createdAt_idx" ON "RightsRequest"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "RightsRequest_subjectId_idx" ON "RightsRequest"("subjectId");

-- CreateIndex
CREATE INDEX "OutboxEmail_shopId_requestId_idx" ON "OutboxEmail"("shopId", "requestId");

