// One interface for every system that holds a shopper's data (Shopify, Stripe, Mailchimp, Vigie's
// own store). Every verb is required: a system that cannot do something says so with an explicit
// `not_supported` result, never by a missing method.
import type { Profile, RequestedChanges } from "~/domain/rectification/rectification";
import type { ErasureReceipt, ErasureStep, ExportRecord, SystemName } from "~/domain/systems";

/** Who we are looking for, as Vigie knows them. Ids only where the system has its own. */
export type SubjectRef = {
  shopDomain: string;
  subjectId: string;
  email: string | null;
  phone?: string | null;
  shopifyCustomerId: string | null;
  /** Order ids Shopify named in the request (customers/data_request `orders_requested`, …). */
  orderIds?: string[];
};

export type ConsentStatus = "subscribed" | "unsubscribed";

export type ConsentChange = {
  purpose: "newsletter";
  status: ConsentStatus;
  /** When the shopper acted (Shopify's consentUpdatedAt). */
  occurredAt: Date;
  /** Double opt-in when the shopper confirmed by e-mail. */
  optInLevel: "SINGLE_OPT_IN" | "CONFIRMED_OPT_IN" | "UNKNOWN";
  /** Deterministic: the same change retried carries the same key. */
  idempotencyKey: string;
};

export type ApplyConsentResult = {
  /**
   * applied: the system now has this state; already: it had it; pending_confirmation: the system
   * will ask the shopper to confirm (Mailchimp double opt-in); not_found: no such person there;
   * refused: the system will not take it (e.g. Mailchimp "Forgotten Email Not Subscribed");
   * not_supported: the system has no such notion.
   */
  outcome: "applied" | "already" | "pending_confirmation" | "not_found" | "refused" | "not_supported";
  vendorRef?: string;
  detail?: string;
};

export type ReadConsentResult = {
  status: ConsentStatus | "pending" | "cleaned" | "not_found" | "not_supported";
  /** The system's own time of the last change, when it has one. */
  changedAt?: Date;
};

export type RectifyResult = {
  /**
   * applied: the system now holds the new values; already: it held them; not_found: no such person
   * there; refused: the system will not take them (e.g. an e-mail address another customer has).
   */
  outcome: "applied" | "already" | "not_found" | "refused";
  vendorRef?: string;
  /** The vendor's error code, never its message (which may quote the values). */
  detail?: string;
};

export type Connector = {
  name: SystemName;
  /** Whether the credentials work; never throws. */
  testConnection(): Promise<{ ok: boolean; detail?: string }>;
  /** Finds the subject in the system: the system's own ids for them. */
  locate(subject: SubjectRef): Promise<{ found: boolean; refs: string[] }>;
  /** Streams everything the system holds about the subject, page by page. */
  exportSubject(subject: SubjectRef): AsyncIterable<ExportRecord>;
  /** What an erasure would do, without doing it (the dry run staff see). */
  planErasure(subject: SubjectRef): Promise<ErasureStep[]>;
  /** Executes one step idempotently; "not found" counts as done. */
  executeErasureStep(subject: SubjectRef, step: ErasureStep): Promise<ErasureReceipt>;
  readConsent(subject: SubjectRef): Promise<ReadConsentResult>;
  applyConsent(subject: SubjectRef, change: ConsentChange): Promise<ApplyConsentResult>;
  /** What the system holds of the rectifiable fields (GDPR art. 16); null when the person is not there. */
  readProfile(subject: SubjectRef): Promise<Profile | null>;
  /**
   * Writes the corrected values. Safe to repeat: a person already changed (found under the new
   * e-mail address) answers `already`.
   */
  rectify(subject: SubjectRef, changes: RequestedChanges): Promise<RectifyResult>;
};

/** Thrown for a failure the job should retry (network, 429, 5xx, throttling beyond its budget). */
export class ConnectorError extends Error {
  constructor(
    readonly connector: SystemName,
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}
