-- CreateTable
CREATE TABLE "Breach" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "facts" TEXT NOT NULL,
    "awareAt" DATETIME NOT NULL,
    "occurredAt" DATETIME,
    "state" TEXT NOT NULL DEFAULT 'open',
    "notificationRequired" BOOLEAN,
    "notificationReasoning" TEXT,
    "notifiedAt" DATETIME,
    "cnilReference" TEXT,
    "delayReasons" TEXT,
    "informRequired" BOOLEAN,
    "informReasoning" TEXT,
    "noticeAudience" TEXT,
    "noticeStatus" TEXT,
    "noticeTotal" INTEGER NOT NULL DEFAULT 0,
    "noticeBatches" INTEGER NOT NULL DEFAULT 0,
    "noticeCursor" TEXT,
    "noticeStartedAt" DATETIME,
    "noticeStartedBy" TEXT,
    "noticeDoneAt" DATETIME,
    "closedAt" DATETIME,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Breach_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BreachChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "breachId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fields" TEXT NOT NULL DEFAULT '[]',
    "content" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreachChange_breachId_fkey" FOREIGN KEY ("breachId") REFERENCES "Breach" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BreachRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "breachId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "emailId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreachRecipient_breachId_fkey" FOREIGN KEY ("breachId") REFERENCES "Breach" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BreachRecipient_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "OutboxEmail" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Breach_shopId_number_key" ON "Breach"("shopId", "number");

-- CreateIndex
CREATE INDEX "BreachChange_breachId_at_idx" ON "BreachChange"("breachId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "BreachRecipient_emailId_key" ON "BreachRecipient"("emailId");

-- CreateIndex
CREATE UNIQUE INDEX "BreachRecipient_breachId_email_key" ON "BreachRecipient"("breachId", "email");

