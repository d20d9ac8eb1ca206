-- CreateTable
CREATE TABLE "PurgedShop" (
    "domainDigest" TEXT NOT NULL,
    "purgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurgedShop_pkey" PRIMARY KEY ("domainDigest")
);

