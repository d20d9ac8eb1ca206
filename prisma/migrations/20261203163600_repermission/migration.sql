-- AlterTable
ALTER TABLE "Subject" ADD COLUMN "lastEngagedAt" DATETIME;

-- CreateTable
CREATE TABLE "Repermission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "periodEndsAt" DATETIME NOT NULL,
    "requestEventId" TEXT NOT NULL,
    "emailId" TEXT,
    "renewedEventId" TEXT,
    "renewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Repermission_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Repermission_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Repermission_shopId_periodEndsAt_idx" ON "Repermission"("shopId", "periodEndsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Repermission_subjectId_periodEndsAt_key" ON "Repermission"("subjectId", "periodEndsAt");

