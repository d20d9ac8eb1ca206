// What the Consents page's cards share: the loader's data and how a subject's state is coloured.
import type { SerializeFrom } from "@remix-run/node";
import type { loadConsentsPage } from "~/services/consent-admin.server";

export type ConsentsView = SerializeFrom<typeof loadConsentsPage>;

export function statusTone(status: string) {
  return status === "subscribed" ? "success" : status === "unsubscribed" ? "critical" : undefined;
}
