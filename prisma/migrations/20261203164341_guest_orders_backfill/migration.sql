-- AlterTable
ALTER TABLE "Subject" ADD COLUMN "guestOrderCount" INTEGER;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Backfill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'starting',
    "phase" TEXT NOT NULL DEFAULT 'customers',
    "activeShopId" TEXT,
    "operationId" TEXT,
    "objectCount" INTEGER,
    "bytesDone" BIGINT NOT NULL DEFAULT 0,
    "linesDone" INTEGER NOT NULL DEFAULT 0,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "consentStates" INTEGER NOT NULL DEFAULT 0,
    "guestOrders" INTEGER NOT NULL DEFAULT 0,
    "guests" INTEGER NOT NULL DEFAULT 0,
    "polls" INTEGER NOT NULL DEFAULT 0,
    "operations" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "Backfill_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Backfill" ("activeShopId", "bytesDone", "consentStates", "createdAt", "customers", "error", "finishedAt", "id", "linesDone", "objectCount", "operationId", "operations", "orders", "polls", "shopId", "status", "trigger", "updatedAt") SELECT "activeShopId", "bytesDone", "consentStates", "createdAt", "customers", "error", "finishedAt", "id", "linesDone", "objectCount", "operationId", "operations", "orders", "polls", "shopId", "status", "trigger", "updatedAt" FROM "Backfill";
DROP TABLE "Backfill";
ALTER TABLE "new_Backfill" RENAME TO "Backfill";
CREATE UNIQUE INDEX "Backfill_activeShopId_key" ON "Backfill"("activeShopId");
CREATE INDEX "Backfill_shopId_createdAt_idx" ON "Backfill"("shopId", "createdAt");
CREATE INDEX "Backfill_operationId_idx" ON "Backfill"("operationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

