// What Vigie can write to a shopper: one schema per template, checked before anything is rendered
// or stored. Texts typed by staff and shop names are untrusted; links must be http(s).
import { z } from "zod";
import { type LocalDate, parseLocalDate } from "~/domain/deadlines/local-date";
import { REFUSAL_GROUND_BASIS, REQUEST_TYPES, type RefusalGround } from "~/domain/requests/request-types";

function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== "string") return false;
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

const localDate = z.custom<LocalDate>(isLocalDate, { message: 'must be a calendar date "YYYY-MM-DD"' });
// A `javascript:` or `data:` link in an e-mail would be an attack on the shopper: web links only.
const webUrl = z.url({ protocol: /^https?$/ });
const shopName = z.string().trim().min(1).max(200);
const reference = z.string().trim().min(1).max(64);
/** Text written by staff: kept as typed (line breaks included), escaped when rendered. */
const staffText = z.string().trim().min(1).max(10_000);
const dpoEmail = z.email().optional();
const requestType = z.enum(REQUEST_TYPES);
/**
 * The shop's calendar day the e-mail is written (in the shop's zone): its deadlines are also said
 * from it, "in 5 days — 8 January" (docs/decisions/081).
 */
const writtenOn = localDate;

export const REFUSAL_GROUNDS = Object.keys(REFUSAL_GROUND_BASIS) as [RefusalGround, ...RefusalGround[]];

export const PAYMENT_CHECK_DOCUMENTS = ["identity", "billing_address", "payment_method"] as const;
export type PaymentCheckDocument = (typeof PAYMENT_CHECK_DOCUMENTS)[number];

export const AcknowledgementSchema = z.object({
  type: z.literal("request.acknowledgement"),
  shopName,
  reference,
  requestType,
  receivedOn: localDate,
  dueOn: localDate,
  writtenOn,
  statusUrl: webUrl,
  dpoEmail,
});

export const IdentityCodeSchema = z.object({
  type: z.literal("request.identity_code"),
  shopName,
  reference,
  code: z.string().regex(/^\d{6}$/, "must be 6 digits"),
  expiresInMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  /** A one-click link that carries the code. */
  confirmUrl: webUrl,
});

export const ExtensionSchema = z.object({
  type: z.literal("request.extension"),
  shopName,
  reference,
  newDueOn: localDate,
  writtenOn,
  reason: staffText,
  dpoEmail,
});

export const LegalHoldSchema = z.object({
  what: z.string().trim().min(1).max(500),
  basis: z.string().trim().min(1).max(200),
  until: localDate,
});
export type LegalHold = z.infer<typeof LegalHoldSchema>;

export const ErasureReceiptSchema = z.object({
  system: z.string().trim().min(1).max(100),
  /** What was done, one line per step, in the shopper's language. */
  done: z.array(z.string().trim().min(1).max(300)).max(30),
  on: localDate,
  references: z.array(z.string().trim().min(1).max(200)).max(30),
});
export type ErasureReceiptLine = z.infer<typeof ErasureReceiptSchema>;

export const AnswerSchema = z.object({
  type: z.literal("request.answer"),
  shopName,
  reference,
  requestType,
  summary: staffText,
  downloadUrl: webUrl.optional(),
  downloadExpiresOn: localDate.optional(),
  /** With downloadExpiresOn: the link's expiry is also said from this day. */
  writtenOn: writtenOn.optional(),
  holds: z.array(LegalHoldSchema).max(50).optional(),
  /** An erasure's receipts, per system: what was done, when, and the vendor's reference (GDPR art. 17, 19). */
  erasure: z.array(ErasureReceiptSchema).max(10).optional(),
  /** GDPR art. 19, second sentence: the recipients told of the rectification, erasure or restriction. */
  recipients: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  dpoEmail,
});

export const RefusalSchema = z.object({
  type: z.literal("request.refusal"),
  shopName,
  reference,
  requestType,
  ground: z.enum(REFUSAL_GROUNDS),
  explanation: staffText,
  dpoEmail,
});

export const DocumentNeededSchema = z.object({
  type: z.literal("request.document_needed"),
  shopName,
  reference,
  /** The reasonable doubt staff wrote down (GDPR art. 12(6)). */
  reason: staffText,
  uploadUrl: webUrl,
  dpoEmail,
});

export const ClosedUnverifiedSchema = z.object({
  type: z.literal("request.closed_unverified"),
  shopName,
  reference,
});

/** GDPR art. 18(3): the person is told before their restriction of processing is lifted. */
export const RestrictionLiftSchema = z.object({
  type: z.literal("request.restriction_lift"),
  shopName,
  reference,
  grantedOn: localDate,
  dpoEmail,
});

export const ConsentConfirmSchema = z.object({
  type: z.literal("consent.confirm"),
  shopName,
  confirmUrl: webUrl,
  /** The exact wording the shopper agreed to, repeated so they know what they confirm. */
  wording: z.string().trim().min(1).max(2_000),
});

/** Before the prospects' period ends (docs/decisions/069): stay subscribed, in one click? */
export const ConsentRepermissionSchema = z.object({
  type: z.literal("consent.repermission"),
  shopName,
  renewUrl: webUrl,
  /** The sentence the click agrees to, recorded as the renewal's wording. */
  wording: z.string().trim().min(1).max(2_000),
  /** The last day before the person's data is erased unless they stay. */
  endsOn: localDate,
  writtenOn,
  /** The shop's period for contacts who never ordered (policy §4; CNIL: 3 years). */
  years: z.number().int().min(1).max(10),
});

export const PaymentCheckDocumentsSchema = z.object({
  type: z.literal("payment_check.documents"),
  shopName,
  orderRef: z.string().trim().min(1).max(64),
  documents: z
    .array(z.enum(PAYMENT_CHECK_DOCUMENTS))
    .min(1)
    .refine((list) => new Set(list).size === list.length, { message: "must not repeat a document" }),
  uploadUrl: webUrl,
  dpoEmail,
});

const bilingual = z.object({ fr: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });

/**
 * The daily digest to the shop's DPO (docs/decisions/056): what needs them, section by section,
 * each item linking to its page in the admin. Sections come from DIGEST_SECTIONS, in both languages.
 */
export const DpoDigestSchema = z.object({
  type: z.literal("dpo.digest"),
  shopName,
  day: localDate,
  dashboardUrl: webUrl,
  sections: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z_]{1,40}$/),
        title: bilingual,
        /** How many there are (the items may show only the first ones). */
        total: z.number().int().min(1),
        items: z
          .array(z.object({ text: bilingual, href: webUrl }))
          .min(1)
          .max(50),
      }),
    )
    .min(1)
    .max(20),
});

/**
 * GDPR art. 34(2): the notice to a person affected by a breach, in clear and plain language: its
 * nature, the contact point, the likely consequences and the measures taken or proposed.
 */
export const BreachNoticeSchema = z.object({
  type: z.literal("breach.notice"),
  shopName,
  reference,
  nature: staffText,
  consequences: staffText,
  measures: staffText,
  /** The DPO or other contact point, as written in the register (an address or a phone number). */
  contact: z.string().trim().min(1).max(300),
});

/** Every e-mail Vigie can send, told apart by `type` (stored as OutboxEmail.template). */
export const EmailMessageSchema = z.discriminatedUnion("type", [
  AcknowledgementSchema,
  IdentityCodeSchema,
  ExtensionSchema,
  AnswerSchema,
  RefusalSchema,
  ClosedUnverifiedSchema,
  RestrictionLiftSchema,
  ConsentConfirmSchema,
  ConsentRepermissionSchema,
  PaymentCheckDocumentsSchema,
  DocumentNeededSchema,
  DpoDigestSchema,
  BreachNoticeSchema,
]);

export type EmailMessage = z.infer<typeof EmailMessageSchema>;
export type EmailTemplateId = EmailMessage["type"];
/** The message of one template, e.g. `MessageOf<"request.refusal">`. */
export type MessageOf<T extends EmailTemplateId> = Extract<EmailMessage, { type: T }>;
