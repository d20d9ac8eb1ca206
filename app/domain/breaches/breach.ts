// What a breach register entry holds (GDPR art. 33(5): "the facts relating to the personal data
// breach, its effects and the remedial action taken"), the decisions staff record with their
// reasoning (art. 33(1), 34(1)), and what an art. 34 notice to people must contain.
import { z } from "zod";
import type { Locale } from "~/i18n/locale";
import { AppError } from "../errors";
import { TextSchema } from "../processing/record";

export const BREACH_STATES = ["open", "notified", "closed"] as const;
export type BreachState = (typeof BREACH_STATES)[number];

const count = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.coerce.number().int().min(0).max(1_000_000_000).nullable(),
);

/** Staff's description of the breach, every text in French and English (the notice goes in both). */
export const BreachFactsSchema = z.object({
  title: z.string().trim().min(1).max(200),
  // GDPR art. 33(3)(a): nature of the breach, categories and approximate numbers of people and records.
  nature: TextSchema,
  subjectCategories: TextSchema.prefault({}),
  dataCategories: TextSchema.prefault({}),
  approxSubjects: count.default(null),
  approxRecords: count.default(null),
  // GDPR art. 33(3)(b): the DPO or other contact point.
  dpoContact: z.string().trim().min(1).max(300),
  // GDPR art. 33(3)(c)–(d): likely consequences; measures taken or proposed.
  consequences: TextSchema.prefault({}),
  measures: TextSchema.prefault({}),
});
export type BreachFacts = z.infer<typeof BreachFactsSchema>;

/** The facts' fields, in form order. */
export const BREACH_FACT_FIELDS = Object.keys(BreachFactsSchema.shape) as (keyof BreachFacts)[];

/** A breach is recorded with what it is: a title and its nature in at least one language. */
export function assertRecordable(facts: BreachFacts) {
  if (!facts.nature.fr && !facts.nature.en) {
    throw new AppError("REGISTER_ENTRY_INVALID", "nature required", ["nature"]);
  }
}

/** The decision on notifying the CNIL, or on informing people, with why (art. 5(2): accountability). */
export const DecisionSchema = z.object({
  required: z.enum(["yes", "no"]).transform((value) => value === "yes"),
  reasoning: z.string().trim().min(1).max(5_000),
});

/**
 * GDPR art. 34(2): the notice to people describes in clear and plain language the nature of the
 * breach and gives at least the contact point and the art. 33(3)(b)–(d) information: the fields
 * missing for the notice in `locales`, as "field.locale".
 */
export function missingNoticeFields(facts: BreachFacts, locales: readonly Locale[]): string[] {
  const missing: string[] = [];
  for (const field of ["nature", "consequences", "measures"] as const) {
    for (const locale of locales) if (!facts[field][locale]) missing.push(`${field}.${locale}`);
  }
  return missing;
}

/** A breach is closed once its art. 33 decision is made and, when it had to be, the CNIL notified. */
export function assertClosable(breach: { state: string; notificationRequired: boolean | null }) {
  if (breach.state === "closed") throw new AppError("ILLEGAL_TRANSITION", "already closed");
  if (breach.notificationRequired === null) {
    throw new AppError("BREACH_DECISION_REQUIRED", "no art. 33 decision yet");
  }
  if (breach.notificationRequired && breach.state !== "notified") {
    throw new AppError("BREACH_NOT_NOTIFIED", "notification required but not recorded");
  }
}

/** Pasted addresses: one per line, comma or semicolon; lower-cased, deduplicated, invalid ones apart. */
export function parseAddressList(text: string): { valid: string[]; invalid: string[] } {
  const valid = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const address = raw.trim().toLowerCase();
    if (!address) continue;
    if (z.email().safeParse(address).success) valid.add(address);
    else invalid.push(raw.trim().slice(0, 100));
  }
  return { valid: [...valid], invalid };
}
