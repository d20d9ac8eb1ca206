// Daily: double opt-in requests left unconfirmed past their window lapse (docs/decisions/039).
import { z } from "zod";
import { CONSENT_LAPSE_JOB, lapseUnconfirmedConsents } from "~/services/consent-confirmation.server";
import { defineJob } from "../define-job";

export const consentLapseJob = defineJob({
  id: CONSENT_LAPSE_JOB,
  payloadSchema: z.object({}),
  async handler(_payload, { db, log }) {
    const lapsed = await lapseUnconfirmedConsents(db);
    if (lapsed > 0) log.info("unconfirmed consents lapsed", { lapsed });
  },
});
