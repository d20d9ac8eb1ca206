-- DropIndex
DROP INDEX "Job_shopDomain_status_idx";

-- CreateIndex
CREATE INDEX "Job_shopDomain_status_type_runAt_idx" ON "Job"("shopDomain", "status", "type", "runAt");

