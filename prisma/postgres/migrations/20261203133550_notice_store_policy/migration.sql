-- AlterTable
ALTER TABLE "NoticeVersion" ADD COLUMN     "storePolicyAt" TIMESTAMP(3),
ADD COLUMN     "storePolicyError" TEXT,
ADD COLUMN     "storePolicyStatus" TEXT;

