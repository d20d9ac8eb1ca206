import { z } from "zod";
import { VERIFY_LEDGER_JOB } from "~/services/consent-admin.server";
import { verifyLedger } from "~/services/consent-ledger.server";
import { defineJob } from "../define-job";

/** Re-verifies a shop's whole consent chain and records the result on its head. */
export const verifyLedgerJob = defineJob({
  id: VERIFY_LEDGER_JOB,
  payloadSchema: z.object({ shopId: z.string() }),
  async handler({ shopId }, { db, log }) {
    const result = await verifyLedger(db, shopId);
    if (!result.ok) log.warn("consent ledger verification failed", { shopId, brokenAt: result.brokenAt });
  },
});
