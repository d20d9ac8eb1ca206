-- CreateTable
CREATE TABLE "RectificationRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planning',
    "sealed" BLOB,
    "plan" TEXT,
    "error" TEXT,
    "approvedBy" TEXT,
    "approvedAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RectificationRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RectificationRun_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RectificationReceipt" (
    "runId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "vendorRef" TEXT,
    "detail" TEXT,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("runId", "system"),
    CONSTRAINT "RectificationReceipt_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RectificationRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RectificationRun_requestId_key" ON "RectificationRun"("requestId");

