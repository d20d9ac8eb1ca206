-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "lastOrderAt" TIMESTAMP(3),
ADD COLUMN     "marketingObjectionAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
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
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
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

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentLedgerHead" (
    "shopId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "hash" TEXT NOT NULL,
    "lastVerifiedAt" TIMESTAMP(3),
    "lastVerification" TEXT,

    CONSTRAINT "ConsentLedgerHead_pkey" PRIMARY KEY ("shopId")
);

-- CreateTable
CREATE TABLE "ConsentState" (
    "subjectId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "lawfulBasis" TEXT,
    "since" TIMESTAMP(3),
    "lastEventId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsentState_pkey" PRIMARY KEY ("subjectId","purpose")
);

-- CreateTable
CREATE TABLE "ConsentSync" (
    "eventId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "detail" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsentSync_pkey" PRIMARY KEY ("eventId","system")
);

-- CreateTable
CREATE TABLE "ConsentCheckoutDay" (
    "shopId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "granted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConsentCheckoutDay_pkey" PRIMARY KEY ("shopId","day")
);

-- CreateTable
CREATE TABLE "ConnectorSetting" (
    "shopId" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" TEXT NOT NULL DEFAULT '{}',
    "secrets" TEXT,
    "webhookSecretHash" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectorSetting_pkey" PRIMARY KEY ("shopId","connector")
);

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_subjectId_purpose_idx" ON "ConsentEvent"("shopId", "subjectId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentEvent_shopId_seq_key" ON "ConsentEvent"("shopId", "seq");

-- CreateIndex
CREATE INDEX "ConsentState_shopId_purpose_status_idx" ON "ConsentState"("shopId", "purpose", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectorSetting_webhookSecretHash_key" ON "ConnectorSetting"("webhookSecretHash");

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentLedgerHead" ADD CONSTRAINT "ConsentLedgerHead_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentState" ADD CONSTRAINT "ConsentState_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentSync" ADD CONSTRAINT "ConsentSync_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ConsentEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentCheckoutDay" ADD CONSTRAINT "ConsentCheckoutDay_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectorSetting" ADD CONSTRAINT "ConnectorSetting_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

