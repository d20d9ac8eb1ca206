-- DropIndex
DROP INDEX "AuditEvent_shopId_action_idx";

-- DropIndex
DROP INDEX "AuditEvent_shopId_targetType_targetId_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" INTEGER,
ADD COLUMN     "targetCommitment" TEXT,
ADD COLUMN     "targetSalt" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "shopId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "hash" TEXT NOT NULL,
    "lastVerifiedAt" TIMESTAMP(3),
    "lastVerification" TEXT,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("shopId")
);

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_action_seq_idx" ON "AuditEvent"("shopId", "action", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_actorType_actorId_seq_idx" ON "AuditEvent"("shopId", "actorType", "actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_targetId_seq_idx" ON "AuditEvent"("shopId", "targetId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_shopId_seq_key" ON "AuditEvent"("shopId", "seq");

-- AddForeignKey
ALTER TABLE "AuditChainHead" ADD CONSTRAINT "AuditChainHead_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

