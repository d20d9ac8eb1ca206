-- CreateTable
CREATE TABLE "PurgedShop" (
    "domainDigest" TEXT NOT NULL PRIMARY KEY,
    "purgedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

