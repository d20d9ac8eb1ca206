-- CreateTable
CREATE TABLE "Restriction" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "ground" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "grantedBy" TEXT,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "liftDecidedBy" TEXT,
    "liftDecidedAt" TIMESTAMP(3),
    "liftNoticeId" TEXT,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "Restriction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientNotice" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "vendorRef" TEXT,
    "doneBy" TEXT,
    "doneAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecipientNotice_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Restriction" ADD CONSTRAINT "Restriction_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Restriction" ADD CONSTRAINT "Restriction_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Restriction" ADD CONSTRAINT "Restriction_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientNotice" ADD CONSTRAINT "RecipientNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

