-- DropIndex
DROP INDEX "Subject_shopId_lastOrderAt_createdAt_idx";

-- CreateIndex
CREATE INDEX "Subject_shopId_lastOrderAt_createdAt_id_idx" ON "Subject"("shopId", "lastOrderAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Subject_shopId_lastEngagedAt_id_idx" ON "Subject"("shopId", "lastEngagedAt", "id");

-- CreateIndex
CREATE INDEX "ConsentState_shopId_updatedAt_subjectId_idx" ON "ConsentState"("shopId", "updatedAt", "subjectId");

