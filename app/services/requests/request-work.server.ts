// What starts once a request is in progress (its requester identified): the export of an access
// or portability request, the plan of an erasure, the withdrawal of consent or objection.
import type { RightsRequest } from "@prisma/client";
import type { Tx } from "~/db/client.server";
import { startErasure } from "../erasure/erasure-runs.server";
import { startExport } from "../exports/exports.server";
import { startRectification } from "../rectification/rectification-runs.server";
import { planRecipientNotices } from "../restriction/recipient-notices.server";
import { applyMarketingRequest } from "./marketing-requests.server";

export async function startWork(tx: Tx, request: RightsRequest, shopDomain: string) {
  if (request.type === "access" || request.type === "portability") await startExport(tx, request, shopDomain);
  if (request.type === "erasure") await startErasure(tx, request, shopDomain);
  if (request.type === "withdraw_consent" || request.type === "object_to_marketing")
    await applyMarketingRequest(tx, request, shopDomain);
  // GDPR art. 16: with the corrected values, Vigie reads each system for staff to review (ADR 068);
  // art. 19: its recipients are listed (told by the run's writes, or by staff).
  if (request.type === "rectification") {
    await startRectification(tx, request, shopDomain);
    await planRecipientNotices(tx, request, "rectification");
  }
}
