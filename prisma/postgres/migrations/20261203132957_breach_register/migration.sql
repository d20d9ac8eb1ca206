-- CreateTable
CREATE TABLE "Breach" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "facts" TEXT NOT NULL,
    "awareAt" TIMESTAMP(3) NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "state" TEXT NOT NULL DEFAULT 'open',
    "notificationRequired" BOOLEAN,
    "notificationReasoning" TEXT,
    "notifiedAt" TIMESTAMP(3),
    "cnilReference" TEXT,
    "delayReasons" TEXT,
    "informRequired" BOOLEAN,
    "informReasoning" TEXT,
    "noticeAudience" TEXT,
    "noticeStatus" TEXT,
    "noticeTotal" INTEGER NOT NULL DEFAULT 0,
    "noticeBatches" INTEGER NOT NULL DEFAULT 0,
    "noticeCursor" TEXT,
    "noticeStartedAt" TIMESTAMP(3),
    "noticeStartedBy" TEXT,
    "noticeDoneAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Breach_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachChange" (
    "id" TEXT NOT NULL,
    "breachId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fields" TEXT NOT NULL DEFAULT '[]',
    "content" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BreachChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachRecipient" (
    "id" TEXT NOT NULL,
    "breachId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "emailId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BreachRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Breach_shopId_number_key" ON "Breach"("shopId", "number");

-- CreateIndex
CREATE INDEX "BreachChange_breachId_at_idx" ON "BreachChange"("breachId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "BreachRecipient_emailId_key" ON "BreachRecipient"("emailId");

-- CreateIndex
CREATE UNIQUE INDEX "BreachRecipient_breachId_email_key" ON "BreachRecipient"("breachId", "email");

-- AddForeignKey
ALTER TABLE "Breach" ADD CONSTRAINT "Breach_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreachChange" ADD CONSTRAINT "BreachChange_breachId_fkey" FOREIGN KEY ("breachId") REFERENCES "Breach"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreachRecipient" ADD CONSTRAINT "BreachRecipient_breachId_fkey" FOREIGN KEY ("breachId") REFERENCES "Breach"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreachRecipient" ADD CONSTRAINT "BreachRecipient_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "OutboxEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;

