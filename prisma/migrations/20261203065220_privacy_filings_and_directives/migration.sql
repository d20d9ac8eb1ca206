-- CreateTable
CREATE TABLE "PrivacyCentreFiling" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "addressKey" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "PrivacyCentreFiling_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostMortemDirective" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'in_force',
    "email" TEXT,
    "shopifyCustomerId" TEXT,
    "instructions" TEXT,
    "executor" TEXT,
    "consentedAt" DATETIME,
    "requestId" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedBy" TEXT,
    "carriedOutAt" DATETIME,
    "carriedOutBy" TEXT,
    "carriedOutRequestId" TEXT,
    CONSTRAINT "PostMortemDirective_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PrivacyCentreFiling_shopId_addressKey_at_idx" ON "PrivacyCentreFiling"("shopId", "addressKey", "at");

-- CreateIndex
CREATE INDEX "PrivacyCentreFiling_shopId_clientKey_at_idx" ON "PrivacyCentreFiling"("shopId", "clientKey", "at");

-- CreateIndex
CREATE INDEX "PrivacyCentreFiling_at_idx" ON "PrivacyCentreFiling"("at");

-- CreateIndex
CREATE INDEX "PostMortemDirective_shopId_email_idx" ON "PostMortemDirective"("shopId", "email");

-- CreateIndex
CREATE INDEX "PostMortemDirective_shopId_shopifyCustomerId_idx" ON "PostMortemDirective"("shopId", "shopifyCustomerId");

