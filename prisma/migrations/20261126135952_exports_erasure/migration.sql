-- CreateTable
CREATE TABLE "ExportArchive" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'building',
    "locale" TEXT NOT NULL,
    "size" INTEGER,
    "sha256" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "expiresAt" DATETIME,
    "downloadedAt" DATETIME,
    "downloadedBy" TEXT,
    CONSTRAINT "ExportArchive_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExportArchive_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExportPart" (
    "archiveId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "records" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("archiveId", "system"),
    CONSTRAINT "ExportPart_archiveId_fkey" FOREIGN KEY ("archiveId") REFERENCES "ExportArchive" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExportChunk" (
    "archiveId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BLOB NOT NULL,

    PRIMARY KEY ("archiveId", "kind", "seq"),
    CONSTRAINT "ExportChunk_archiveId_fkey" FOREIGN KEY ("archiveId") REFERENCES "ExportArchive" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ErasureRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "plan" TEXT NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ErasureRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ErasureRun_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ErasureReceipt" (
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "vendorRef" TEXT,
    "detail" TEXT,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("runId", "stepId"),
    CONSTRAINT "ErasureReceipt_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ErasureRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LegalHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "requestId" TEXT,
    "system" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "archive" BLOB,
    "releasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ExportArchive_shopId_requestId_idx" ON "ExportArchive"("shopId", "requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ErasureRun_requestId_key" ON "ErasureRun"("requestId");

-- CreateIndex
CREATE INDEX "LegalHold_shopId_expiresAt_idx" ON "LegalHold"("shopId", "expiresAt");

-- CreateIndex
CREATE INDEX "LegalHold_expiresAt_idx" ON "LegalHold"("expiresAt");

