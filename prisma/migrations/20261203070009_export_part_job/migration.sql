-- AlterTable
ALTER TABLE "ExportPart" ADD COLUMN "jobId" TEXT;

