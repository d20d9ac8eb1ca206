-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "ordersAccess" TEXT;

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN "orderCount" INTEGER;

-- CreateTable
CREATE TABLE "Backfill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'starting',
    "activeShopId" TEXT,
    "operationId" TEXT,
    "objectCount" INTEGER,
    "bytesDone" BIGINT NOT NULL DEFAULT 0,
    "linesDone" INTEGER NOT NULL DEFAULT 0,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "consentStates" INTEGER NOT NULL DEFAULT 0,
    "polls" INTEGER NOT NULL DEFAULT 0,
    "operations" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "Backfill_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Backfill_activeShopId_key" ON "Backfill"("activeShopId");

-- CreateIndex
CREATE INDEX "Backfill_shopId_createdAt_idx" ON "Backfill"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "Backfill_operationId_idx" ON "Backfill"("operationId");

