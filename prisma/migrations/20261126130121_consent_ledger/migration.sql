-- AlterTable
ALTER TABLE "Subject" ADD COLUMN "lastOrderAt" DATETIME;
ALTER TABLE "Subject" ADD COLUMN "marketingObjectionAt" DATETIME;

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "lawfulBasis" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "noticeVersion" TEXT,
    "wordingKey" TEXT,
    "wording" TEXT,
    "wordingLocale" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "commitment" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "pseudonymised" BOOLEAN NOT NULL DEFAULT false,
    "salt" TEXT,
    "subjectId" TEXT,
    "email" TEXT,
    "shopifyCustomerId" TEXT,
    "orderId" TEXT,
    "ipPrefix" TEXT,
    "userAgent" TEXT,
    "actor" TEXT,
    CONSTRAINT "ConsentEvent_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsentLedgerHead" (
    "shopId" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "hash" TEXT NOT NULL,
    "lastVerifiedAt" DATETIME,
    "lastVerification" TEXT,
    CONSTRAINT "ConsentLedgerHead_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsentState" (
    "subjectId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "lawfulBasis" TEXT,
    "since" DATETIME,
    "lastEventId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("subjectId", "purpose"),
    CONSTRAINT "ConsentState_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsentSync" (
    "eventId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "detail" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("eventId", "system"),
    CONSTRAINT "ConsentSync_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ConsentEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsentCheckoutDay" (
    "shopId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "granted" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shopId", "day"),
    CONSTRAINT "ConsentCheckoutDay_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConnectorSetting" (
    "shopId" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" TEXT NOT NULL DEFAULT '{}',
    "secrets" TEXT,
    "webhookSecretHash" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shopId", "connector"),
    CONSTRAINT "ConnectorSetting_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_subjectId_purpose_idx" ON "ConsentEvent"("shopId", "subjectId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentEvent_shopId_seq_key" ON "ConsentEvent"("shopId", "seq");

-- CreateIndex
CREATE INDEX "ConsentState_shopId_purpose_status_idx" ON "ConsentState"("shopId", "purpose", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectorSetting_webhookSecretHash_key" ON "ConnectorSetting"("webhookSecretHash");

