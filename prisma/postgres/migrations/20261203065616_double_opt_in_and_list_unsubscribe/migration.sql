-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN     "confirmsEventId" TEXT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "unsubUrl" TEXT;

