-- DropIndex
DROP INDEX "AuditEvent_shopId_action_idx";

-- DropIndex
DROP INDEX "AuditEvent_shopId_targetType_targetId_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "seq" INTEGER;
ALTER TABLE "AuditEvent" ADD COLUMN "targetCommitment" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "targetSalt" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "shopId" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "hash" TEXT NOT NULL,
    "lastVerifiedAt" DATETIME,
    "lastVerification" TEXT,
    CONSTRAINT "AuditChainHead_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_action_seq_idx" ON "AuditEvent"("shopId", "action", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_actorType_actorId_seq_idx" ON "AuditEvent"("shopId", "actorType", "actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_targetId_seq_idx" ON "AuditEvent"("shopId", "targetId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_shopId_seq_key" ON "AuditEvent"("shopId", "seq");

