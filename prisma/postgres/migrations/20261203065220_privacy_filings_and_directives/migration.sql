-- CreateTable
CREATE TABLE "PrivacyCentreFiling" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "addressKey" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrivacyCentreFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostMortemDirective" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'in_force',
    "email" TEXT,
    "shopifyCustomerId" TEXT,
    "instructions" TEXT,
    "executor" TEXT,
    "consentedAt" TIMESTAMP(3),
    "requestId" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,
    "carriedOutAt" TIMESTAMP(3),
    "carriedOutBy" TEXT,
    "carriedOutRequestId" TEXT,

    CONSTRAINT "PostMortemDirective_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PrivacyCentreFiling" ADD CONSTRAINT "PrivacyCentreFiling_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostMortemDirective" ADD CONSTRAINT "PostMortemDirective_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

