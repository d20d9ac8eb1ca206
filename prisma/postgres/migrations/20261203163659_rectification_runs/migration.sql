-- CreateTable
CREATE TABLE "RectificationRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planning',
    "sealed" BYTEA,
    "plan" TEXT,
    "error" TEXT,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationReceipt" (
    "runId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "vendorRef" TEXT,
    "detail" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RectificationReceipt_pkey" PRIMARY KEY ("runId","system")
);

-- CreateIndex
CREATE UNIQUE INDEX "RectificationRun_requestId_key" ON "RectificationRun"("requestId");

-- AddForeignKey
ALTER TABLE "RectificationRun" ADD CONSTRAINT "RectificationRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationRun" ADD CONSTRAINT "RectificationRun_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationReceipt" ADD CONSTRAINT "RectificationReceipt_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RectificationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

