-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "lastEngagedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Repermission" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "periodEndsAt" TIMESTAMP(3) NOT NULL,
    "requestEventId" TEXT NOT NULL,
    "emailId" TEXT,
    "renewedEventId" TEXT,
    "renewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Repermission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Repermission_shopId_periodEndsAt_idx" ON "Repermission"("shopId", "periodEndsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Repermission_subjectId_periodEndsAt_key" ON "Repermission"("subjectId", "periodEndsAt");

-- AddForeignKey
ALTER TABLE "Repermission" ADD CONSTRAINT "Repermission_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repermission" ADD CONSTRAINT "Repermission_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

