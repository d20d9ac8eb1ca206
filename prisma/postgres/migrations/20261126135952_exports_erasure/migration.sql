-- CreateTable
CREATE TABLE "ExportArchive" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'building',
    "locale" TEXT NOT NULL,
    "size" INTEGER,
    "sha256" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "downloadedAt" TIMESTAMP(3),
    "downloadedBy" TEXT,

    CONSTRAINT "ExportArchive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportPart" (
    "archiveId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "records" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExportPart_pkey" PRIMARY KEY ("archiveId","system")
);

-- CreateTable
CREATE TABLE "ExportChunk" (
    "archiveId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ExportChunk_pkey" PRIMARY KEY ("archiveId","kind","seq")
);

-- CreateTable
CREATE TABLE "ErasureRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "plan" TEXT NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErasureRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasureReceipt" (
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "vendorRef" TEXT,
    "detail" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErasureReceipt_pkey" PRIMARY KEY ("runId","stepId")
);

-- CreateTable
CREATE TABLE "LegalHold" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "requestId" TEXT,
    "system" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "archive" BYTEA,
    "releasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExportArchive_shopId_requestId_idx" ON "ExportArchive"("shopId", "requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ErasureRun_requestId_key" ON "ErasureRun"("requestId");

-- CreateIndex
CREATE INDEX "LegalHold_shopId_expiresAt_idx" ON "LegalHold"("shopId", "expiresAt");

-- CreateIndex
CREATE INDEX "LegalHold_expiresAt_idx" ON "LegalHold"("expiresAt");

-- AddForeignKey
ALTER TABLE "ExportArchive" ADD CONSTRAINT "ExportArchive_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportArchive" ADD CONSTRAINT "ExportArchive_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportPart" ADD CONSTRAINT "ExportPart_archiveId_fkey" FOREIGN KEY ("archiveId") REFERENCES "ExportArchive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportChunk" ADD CONSTRAINT "ExportChunk_archiveId_fkey" FOREIGN KEY ("archiveId") REFERENCES "ExportArchive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasureRun" ADD CONSTRAINT "ErasureRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasureRun" ADD CONSTRAINT "ErasureRun_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasureReceipt" ADD CONSTRAINT "ErasureReceipt_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ErasureRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

