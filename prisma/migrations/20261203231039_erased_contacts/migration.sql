-- CreateTable
CREATE TABLE "ErasedContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "erasedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "ErasedContact_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ErasedContact_expiresAt_idx" ON "ErasedContact"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ErasedContact_shopId_key_key" ON "ErasedContact"("shopId", "key");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_shopifyCustomerId_idx" ON "ConsentEvent"("shopId", "shopifyCustomerId");

