// Rectification (GDPR art. 16): the values a person asks to have corrected, what each system holds
// now, the difference staff approve, and whether a run is complete. Pure.
import { z } from "zod";
import { SYSTEMS, type SystemName } from "../systems";

export const RECTIFIABLE_FIELDS = ["name", "email", "phone", "address"] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];

export type PersonName = { first: string; last: string };
export type PostalAddress = { line1: string; line2: string; city: string; zip: string; country: string };

const text = (max: number) => z.string().trim().max(max);

export const PostalAddressSchema = z.object({
  line1: text(200).min(1),
  line2: text(200).default(""),
  city: text(100).min(1),
  zip: text(20).min(1),
  /** ISO 3166-1 alpha-2, as Shopify, Stripe and Mailchimp take it. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase()),
});

/** The corrected values the person asks for; at least one. */
export const RequestedChangesSchema = z
  .object({
    name: z.object({ first: text(100).min(1), last: text(100).min(1) }).optional(),
    email: z.string().trim().toLowerCase().pipe(z.email().max(320)).optional(),
    /** E.164, as every system stores it. */
    phone: z
      .string()
      .trim()
      .transform((p) => p.replace(/[\s.()-]/g, ""))
      .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/))
      .optional(),
    address: PostalAddressSchema.optional(),
  })
  .refine((c) => RECTIFIABLE_FIELDS.some((f) => c[f] !== undefined), { message: "no change" });
export type RequestedChanges = z.infer<typeof RequestedChangesSchema>;

/** What a system holds now, for the fields it has; null where it has none. */
export type Profile = {
  name?: { first: string | null; last: string | null } | null;
  email?: string | null;
  phone?: string | null;
  address?: PostalAddress | null;
};

/** The fields each system keeps about a shopper (Vigie's own records: how it finds them). */
export const SYSTEM_FIELDS: Record<SystemName, readonly RectifiableField[]> = {
  shopify: RECTIFIABLE_FIELDS,
  stripe: RECTIFIABLE_FIELDS,
  mailchimp: RECTIFIABLE_FIELDS,
  vigie: ["email", "phone"],
};

/** One value as people read it (the diff, the answer). */
export function displayValue(field: RectifiableField, value: Profile[RectifiableField]): string | null {
  if (value === null || value === undefined) return null;
  if (field === "name") {
    const name = value as NonNullable<Profile["name"]>;
    return [name.first, name.last].filter((part) => part?.trim()).join(" ") || null;
  }
  if (field === "address") {
    const a = value as PostalAddress;
    return (
      [a.line1, a.line2, `${a.zip} ${a.city}`.trim(), a.country].filter((p) => p?.trim()).join(", ") || null
    );
  }
  return (value as string).trim() || null;
}

/** Comparison form: case and spacing do not make a change (e-mail addresses ignore case). */
function comparable(field: RectifiableField, value: string | null): string | null {
  if (value === null) return null;
  const spaced = value.replace(/\s+/g, " ").trim();
  if (field === "phone") return spaced.replace(/[\s.()-]/g, "");
  return field === "email" || field === "address" ? spaced.toLowerCase() : spaced;
}

export type FieldChange = { field: RectifiableField; from: string | null; to: string };

export type SystemDiff = {
  system: SystemName;
  changes: FieldChange[];
  /** Why the system takes no part: not connected, the person is not there, it already holds the values. */
  skipped?: "not_connected" | "not_found" | "no_change";
};

/**
 * GDPR art. 16: the difference between what one system holds and what the person asked for, for
 * the fields that system keeps. `current` null: the person is not in that system.
 */
export function systemDiff(
  system: SystemName,
  current: Profile | null | "not_connected",
  requested: RequestedChanges,
): SystemDiff {
  if (current === "not_connected") return { system, changes: [], skipped: "not_connected" };
  if (current === null) return { system, changes: [], skipped: "not_found" };
  const changes: FieldChange[] = [];
  for (const field of SYSTEM_FIELDS[system]) {
    const wanted = requested[field];
    if (wanted === undefined) continue;
    const to = displayValue(field, wanted);
    const from = displayValue(field, current[field]);
    if (to === null || comparable(field, from) === comparable(field, to)) continue;
    changes.push({ field, from, to });
  }
  return changes.length > 0 ? { system, changes } : { system, changes, skipped: "no_change" };
}

/** The run's plan: every system in SYSTEMS order, Vigie last (the others are found through it). */
export function rectificationPlan(diffs: SystemDiff[]): SystemDiff[] {
  return SYSTEMS.map(
    (system) => diffs.find((d) => d.system === system) ?? { system, changes: [], skipped: "not_connected" },
  );
}

/** The requested values restricted to the fields one system must change. */
export function changesFor(diff: SystemDiff, requested: RequestedChanges): RequestedChanges {
  const fields = new Set(diff.changes.map((c) => c.field));
  return Object.fromEntries(
    Object.entries(requested).filter(([field]) => fields.has(field as RectifiableField)),
  ) as RequestedChanges;
}

export type RectificationOutcome = "done" | "already" | "not_found" | "failed";

/** A settled system needs nothing more: a failed one waits for a retry. */
export const isSettledOutcome = (outcome: string | undefined) =>
  outcome === "done" || outcome === "already" || outcome === "not_found";

/** The systems with something to change, in order. */
export const systemsToChange = (plan: SystemDiff[]) =>
  plan.filter((d) => d.changes.length > 0).map((d) => d.system);

/** Complete once every system with changes is settled. */
export function rectificationComplete(plan: SystemDiff[], outcomes: Map<string, string>): boolean {
  return systemsToChange(plan).every((system) => isSettledOutcome(outcomes.get(system)));
}
