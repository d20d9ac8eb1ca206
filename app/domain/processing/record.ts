// The record of processing as staff keep it (GDPR art. 30): each activity's fields, the rules an
// entry must meet to be saved or signed off, what changed between two versions, and whether the
// sign-off still holds. Shared by processing activities and the processors register (art. 28).
import { z } from "zod";
import { AppError } from "~/domain/errors";
import { LOCALES, type Locale } from "~/i18n/locale";
import { SHOPIFY_TRACKING_KEYS } from "../consent/tracking-keys";
import { RETENTION_CATEGORIES, RETENTION_CLOCKS } from "./retention-references";

export type Text = Record<Locale, string>;

const TEXT_MAX = 4000;
export const TextSchema = z.object({
  fr: z.string().trim().max(TEXT_MAX).default(""),
  en: z.string().trim().max(TEXT_MAX).default(""),
});

/** Art. 6(1)(a)–(f). */
export const LAWFUL_BASES = [
  "consent",
  "contract",
  "legal_obligation",
  "vital_interests",
  "public_task",
  "legitimate_interests",
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const PurposeSchema = z.object({
  purpose: TextSchema,
  basis: z.enum(LAWFUL_BASES),
  /** The law behind a legal obligation, or a precision on the basis (e.g. CPCE art. L34-5). */
  basisDetail: TextSchema.prefault({}),
  /** Art. 6(1)(f), 13(1)(d): the interest pursued, when the basis is legitimate interests. */
  legitimateInterest: TextSchema.prefault({}),
});
export type Purpose = z.infer<typeof PurposeSchema>;

export const RetentionEntrySchema = z.object({
  category: z.enum(RETENTION_CATEGORIES),
  /** 1 month to 100 years. */
  months: z.coerce.number().int().min(1).max(1200),
  clock: z.enum(RETENTION_CLOCKS),
  /** What the period covers and what happens at its end. */
  note: TextSchema.prefault({}),
});
export type RetentionEntry = z.infer<typeof RetentionEntrySchema>;

/** One processing activity, with the fields art. 30(1)(b)–(g) asks for. */
export const ActivityContentSchema = z.object({
  name: TextSchema,
  /** Art. 30(1)(b), each with its lawful basis (art. 6(1)). */
  purposes: z.array(PurposeSchema).max(12),
  /** Art. 30(1)(c). */
  subjects: TextSchema,
  data: TextSchema,
  /** Art. 30(1)(d). */
  recipients: TextSchema,
  /** Art. 28: who processes on the shop's behalf (details in the processors register). */
  processors: TextSchema.prefault({}),
  /** Art. 30(1)(e). */
  transfers: TextSchema.prefault({}),
  /** Art. 30(1)(f). */
  retention: z.array(RetentionEntrySchema).max(8),
  /** Art. 30(1)(g), art. 32. */
  security: TextSchema.prefault({}),
  /** Art. 22: automated decision-making and its safeguards; empty when there is none. */
  automatedDecision: TextSchema.prefault({}),
  /**
   * The storefront trackers this activity sets, by Customer Privacy API purpose: the cookie banner
   * asks consent for each and names this activity's recipients (LIL art. 82).
   */
  trackers: z.array(z.enum(SHOPIFY_TRACKING_KEYS)).max(4).default([]),
});
export type ActivityContent = z.infer<typeof ActivityContentSchema>;

const filled = (text: Text) => LOCALES.every((locale) => text[locale].trim() !== "");

/**
 * The fields an activity lacks to be a lawful record entry, as form paths ("purposes.0.legitimateInterest").
 * Every text in both languages: the notice built from it is published in both.
 */
export function activityProblems(content: ActivityContent): string[] {
  const problems: string[] = [];
  for (const field of ["name", "subjects", "data", "recipients"] as const) {
    if (!filled(content[field])) problems.push(field);
  }
  // Art. 30(1)(b): at least one purpose, each with its basis.
  if (content.purposes.length === 0) problems.push("purposes");
  content.purposes.forEach((purpose, index) => {
    if (!filled(purpose.purpose)) problems.push(`purposes.${index}.purpose`);
    // Art. 6(1)(f) and 13(1)(d): legitimate interests must be named.
    if (purpose.basis === "legitimate_interests" && !filled(purpose.legitimateInterest)) {
      problems.push(`purposes.${index}.legitimateInterest`);
    }
  });
  // Art. 30(1)(f): "where possible, the envisaged time limits for erasure".
  if (content.retention.length === 0) problems.push("retention");
  return problems;
}

/** Throws REGISTER_ENTRY_INVALID naming the fields when `content` cannot be saved. */
export function assertActivity(content: ActivityContent) {
  const problems = activityProblems(content);
  if (problems.length > 0) throw new AppError("REGISTER_ENTRY_INVALID", "activity incomplete", problems);
}

/** The top-level fields whose value differs between two versions of an entry, in `after`'s order. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export type ReviewState = "never_reviewed" | "reviewed" | "changed_since_review";

/** Art. 5(2): a sign-off covers the version it was given for; any later edit needs a new one. */
export function reviewState(entry: { revision: number; reviewedRevision: number | null }): ReviewState {
  if (entry.reviewedRevision === null) return "never_reviewed";
  return entry.reviewedRevision === entry.revision ? "reviewed" : "changed_since_review";
}

/**
 * Reads a form posted with dotted names ("purposes.0.purpose.fr") into nested objects and arrays;
 * numeric segments make arrays, rows left entirely blank are dropped.
 */
export function unflattenForm(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string" || !/^[\w]+(\.[\w]+){0,4}$/.test(name)) continue;
    const parts = name.split(".");
    // A crafted name must never reach an object's prototype.
    if (parts.some((part) => part === "__proto__" || part === "constructor" || part === "prototype"))
      continue;
    let node: Record<string, unknown> = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    });
  }
  const arrays = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (keys.length > 0 && keys.every((key) => /^\d{1,2}$/.test(key))) {
      return keys
        .sort((a, b) => Number(a) - Number(b))
        .map((key) => arrays(object[key]))
        .filter((row) => !isBlankRow(row));
    }
    return Object.fromEntries(keys.map((key) => [key, arrays(object[key])]));
  };
  return arrays(root) as Record<string, unknown>;
}

/** A row whose texts are all empty (selects and numbers aside): the blank row a form offers. */
function isBlankRow(row: unknown): boolean {
  const texts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") {
      if (key === "fr" || key === "en" || key === "months") texts.push(value);
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(row, "");
  return texts.length > 0 && texts.every((text) => text.trim() === "");
}

/** The inverse of unflattenForm: an entry's content as dotted form values ("purposes.0.basis"). */
export function flattenForForm(value: unknown, prefix = ""): Record<string, string> {
  if (value === null || value === undefined) return {};
  if (typeof value !== "object") return { [prefix]: String(value) };
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  return Object.assign(
    {},
    ...entries.map(([key, item]) => flattenForForm(item, prefix ? `${prefix}.${key}` : String(key))),
  );
}
