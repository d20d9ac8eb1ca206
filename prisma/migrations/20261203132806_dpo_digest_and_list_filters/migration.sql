-- CreateTable
CREATE TABLE "DpoDigest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "emailId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DpoDigest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RightsRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "subjectId" TEXT,
    "reference" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'received',
    "details" TEXT NOT NULL DEFAULT '{}',
    "requesterEmail" TEXT,
    "requesterName" TEXT,
    "message" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "receivedAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "identityLevel" TEXT NOT NULL,
    "identityVerifiedAt" DATETIME,
    "extensionMonths" INTEGER NOT NULL DEFAULT 0,
    "extensionReason" TEXT,
    "extensionNotifiedAt" DATETIME,
    "closedAt" DATETIME,
    "dueOn" TEXT,
    "clockPaused" BOOLEAN NOT NULL DEFAULT false,
    "requesterEmailKey" TEXT,
    "refusalGround" TEXT,
    "refusalExplanation" TEXT,
    "answerNote" TEXT,
    "shopifyCustomerId" TEXT,
    "orderIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RightsRequest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RightsRequest_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RightsRequest" ("answerNote", "channel", "closedAt", "createdAt", "details", "extensionMonths", "extensionNotifiedAt", "extensionReason", "id", "identityLevel", "identityVerifiedAt", "locale", "message", "orderIds", "receivedAt", "reference", "refusalExplanation", "refusalGround", "requesterEmail", "requesterName", "shopId", "shopifyCustomerId", "state", "subjectId", "timeZone", "type", "updatedAt") SELECT "answerNote", "channel", "closedAt", "createdAt", "details", "extensionMonths", "extensionNotifiedAt", "extensionReason", "id", "identityLevel", "identityVerifiedAt", "locale", "message", "orderIds", "receivedAt", "reference", "refusalExplanation", "refusalGround", "requesterEmail", "requesterName", "shopId", "shopifyCustomerId", "state", "subjectId", "timeZone", "type", "updatedAt" FROM "RightsRequest";
DROP TABLE "RightsRequest";
ALTER TABLE "new_RightsRequest" RENAME TO "RightsRequest";
CREATE INDEX "RightsRequest_shopId_state_receivedAt_idx" ON "RightsRequest"("shopId", "state", "receivedAt");
CREATE INDEX "RightsRequest_shopId_subjectId_idx" ON "RightsRequest"("shopId", "subjectId");
CREATE INDEX "RightsRequest_shopId_receivedAt_id_idx" ON "RightsRequest"("shopId", "receivedAt", "id");
CREATE INDEX "RightsRequest_shopId_type_receivedAt_idx" ON "RightsRequest"("shopId", "type", "receivedAt");
CREATE INDEX "RightsRequest_shopId_closedAt_dueOn_idx" ON "RightsRequest"("shopId", "closedAt", "dueOn");
CREATE INDEX "RightsRequest_shopId_requesterEmailKey_idx" ON "RightsRequest"("shopId", "requesterEmailKey");
CREATE UNIQUE INDEX "RightsRequest_shopId_reference_key" ON "RightsRequest"("shopId", "reference");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DpoDigest_shopId_createdAt_idx" ON "DpoDigest"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DpoDigest_shopId_day_key" ON "DpoDigest"("shopId", "day");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_source_seq_idx" ON "ConsentEvent"("shopId", "source", "seq");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_kind_seq_idx" ON "ConsentEvent"("shopId", "kind", "seq");

-- CreateIndex
CREATE INDEX "ConsentEvent_shopId_occurredAt_idx" ON "ConsentEvent"("shopId", "occurredAt");


-- The list searches requests by a lower-cased, trimmed copy of the requester e-mail (docs/decisions/056).
UPDATE "RightsRequest" SET "requesterEmailKey" = lower(trim("requesterEmail")) WHERE "requesterEmail" IS NOT NULL;
