-- CreateTable
CREATE TABLE "Restriction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "ground" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "grantedBy" TEXT,
    "grantedAt" DATETIME NOT NULL,
    "liftDecidedBy" TEXT,
    "liftDecidedAt" DATETIME,
    "liftNoticeId" TEXT,
    "liftedAt" DATETIME,
    CONSTRAINT "Restriction_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Restriction_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Restriction_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecipientNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "vendorRef" TEXT,
    "doneBy" TEXT,
    "doneAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RecipientNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Restriction_requestId_key" ON "Restriction"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Restriction_liftNoticeId_key" ON "Restriction"("liftNoticeId");

-- CreateIndex
CREATE INDEX "Restriction_shopId_status_idx" ON "Restriction"("shopId", "status");

-- CreateIndex
CREATE INDEX "Restriction_subjectId_status_idx" ON "Restriction"("subjectId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RecipientNotice_requestId_recipient_key" ON "RecipientNotice"("requestId", "recipient");

