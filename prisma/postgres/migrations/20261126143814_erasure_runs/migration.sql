-- AlterTable
ALTER TABLE "ErasureRun" ADD COLUMN     "channel" TEXT NOT NULL,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "subject" BYTEA,
ALTER COLUMN "status" SET DEFAULT 'planning',
ALTER COLUMN "plan" DROP NOT NULL;

-- AlterTable
ALTER TABLE "LegalHold" ADD COLUMN     "digest" TEXT;

-- CreateIndex
CREATE INDEX "LegalHold_shopId_digest_idx" ON "LegalHold"("shopId", "digest");

