// Which kind of step a plan step is, from its id: the key of its fr/en wording for staff and the
// shopper (connectors word their plans in English, for logs). Client-safe.
import type { SystemName } from "~/domain/systems";

/** `shopify:customer-data-erasure:7001` → "customer-data-erasure"; `stripe:cus_1:mask-customer` → "mask-customer". */
export function stepKind(system: SystemName, stepId: string): string {
  const parts = stepId.split(":");
  if (system === "shopify" && parts.length === 3) return parts[1] as string;
  return parts.at(-1) as string;
}
