-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "guestOrderCount" INTEGER;

-- AlterTable
ALTER TABLE "Backfill" ADD COLUMN     "guestOrders" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "guests" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "phase" TEXT NOT NULL DEFAULT 'customers';

