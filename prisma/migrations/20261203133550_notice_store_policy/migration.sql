-- AlterTable
ALTER TABLE "NoticeVersion" ADD COLUMN "storePolicyAt" DATETIME;
ALTER TABLE "NoticeVersion" ADD COLUMN "storePolicyError" TEXT;
ALTER TABLE "NoticeVersion" ADD COLUMN "storePolicyStatus" TEXT;

