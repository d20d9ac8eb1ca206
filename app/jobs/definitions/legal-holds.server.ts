// Daily: releases the legal holds whose period has ended (their sealed archives are destroyed).
import { z } from "zod";
import { LEGAL_HOLD_EXPIRY_JOB, releaseExpiredHolds } from "~/services/erasure/legal-holds.server";
import { defineJob } from "../define-job";

export const legalHoldsExpireJob = defineJob({
  id: LEGAL_HOLD_EXPIRY_JOB,
  payloadSchema: z.object({}),
  async handler(_payload, { db, log }) {
    const released = await releaseExpiredHolds(db);
    if (released > 0) log.info("legal holds released", { released });
  },
});
