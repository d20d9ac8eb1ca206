-- AlterTable
ALTER TABLE "ExportPart" ADD COLUMN "summary" TEXT;

