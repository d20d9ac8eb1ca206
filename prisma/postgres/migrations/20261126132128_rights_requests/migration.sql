-- CreateTable
CREATE TABLE "RightsRequest" (
    "id" TEXT NOT NULL,
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
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "identityLevel" TEXT NOT NULL,
    "identityVerifiedAt" TIMESTAMP(3),
    "extensionMonths" INTEGER NOT NULL DEFAULT 0,
    "extensionReason" TEXT,
    "extensionNotifiedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "refusalGround" TEXT,
    "refusalExplanation" TEXT,
    "answerNote" TEXT,
    "shopifyCustomerId" TEXT,
    "orderIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RightsRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestPause" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "reason" TEXT NOT NULL,

    CONSTRAINT "RequestPause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestTask" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "detail" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityCheck" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "codeHash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "expiresAt" TIMESTAMP(3),
    "reason" TEXT,
    "documentSha256" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "ownerType" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "requestId" TEXT,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "messageId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentCheck" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "stripeObjectId" TEXT NOT NULL,
    "paymentIntentId" TEXT,
    "chargeId" TEXT,
    "orderRef" TEXT,
    "email" TEXT,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "requestedDocuments" TEXT NOT NULL DEFAULT '[]',
    "documentSha256s" TEXT NOT NULL DEFAULT '[]',
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProxyReplay" (
    "signature" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProxyReplay_pkey" PRIMARY KEY ("signature")
);

-- CreateIndex
CREATE INDEX "RightsRequest_shopId_state_receivedAt_idx" ON "RightsRequest"("shopId", "state", "receivedAt");

-- CreateIndex
CREATE INDEX "RightsRequest_shopId_subjectId_idx" ON "RightsRequest"("shopId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "RightsRequest_shopId_reference_key" ON "RightsRequest"("shopId", "reference");

-- CreateIndex
CREATE INDEX "RequestPause_requestId_idx" ON "RequestPause"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestTask_requestId_system_kind_key" ON "RequestTask"("requestId", "system", "kind");

-- CreateIndex
CREATE INDEX "IdentityCheck_requestId_idx" ON "IdentityCheck"("requestId");

-- CreateIndex
CREATE INDEX "Document_ownerType_ownerId_idx" ON "Document"("ownerType", "ownerId");

-- CreateIndex
CREATE INDEX "OutboxEmail_shopId_createdAt_idx" ON "OutboxEmail"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentCheck_shopId_status_idx" ON "PaymentCheck"("shopId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentCheck_shopId_stripeObjectId_key" ON "PaymentCheck"("shopId", "stripeObjectId");

-- CreateIndex
CREATE INDEX "ProxyReplay_expiresAt_idx" ON "ProxyReplay"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_targetType_targetId_idx" ON "AuditEvent"("shopId", "targetType", "targetId");

-- AddForeignKey
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestPause" ADD CONSTRAINT "RequestPause_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTask" ADD CONSTRAINT "RequestTask_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityCheck" ADD CONSTRAINT "IdentityCheck_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentCheck" ADD CONSTRAINT "PaymentCheck_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

