-- AlterTable
ALTER TABLE "LegalHold" ADD COLUMN "digest" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ErasureRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planning',
    "subject" BLOB,
    "plan" TEXT,
    "error" TEXT,
    "approvedBy" TEXT,
    "approvedAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ErasureRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ErasureRun_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ErasureRun" ("approvedAt", "approvedBy", "createdAt", "finishedAt", "id", "plan", "requestId", "shopId", "startedAt", "status") SELECT "approvedAt", "approvedBy", "createdAt", "finishedAt", "id", "plan", "requestId", "shopId", "startedAt", "status" FROM "ErasureRun";
DROP TABLE "ErasureRun";
ALTER TABLE "new_ErasureRun" RENAME TO "ErasureRun";
CREATE UNIQUE INDEX "ErasureRun_requestId_key" ON "ErasureRun"("requestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LegalHold_shopId_digest_idx" ON "LegalHold"("shopId", "digest");

