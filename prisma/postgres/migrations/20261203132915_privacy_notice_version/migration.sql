-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN     "privacyNoticeVersion" INTEGER;

