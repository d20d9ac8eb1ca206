import { AppError } from "../errors";
import type { RequestType } from "./request-types";

/** How much identity checking a request needs: none, a one-time link/code by e-mail, or an ID document. */
export type IdentityLevel = "verified" | "email_link" | "document";

/**
 * What we know about where the request came from. Signature and e-mail matching are done by the server layer;
 * this policy only reads their results.
 */
export type IdentityContext =
  | { channel: "shopify_compliance_webhook" }
  | {
      channel: "storefront";
      /** The app-proxy query signature checked out against the app secret. */
      appProxySignatureValid: boolean;
      /** `logged_in_customer_id` from the signed app-proxy query; null when signed out. */
      loggedInCustomerId: string | null;
      /** The customer the request is about, as resolved from the form. */
      subjectCustomerId: string | null;
      emailMatchesCustomerOnFile: boolean;
    }
  | { channel: "email"; emailMatchesCustomerOnFile: boolean }
  | { channel: "staff"; emailMatchesCustomerOnFile: boolean };

export type IdentityInput = {
  requestType: RequestType;
  context: IdentityContext;
  /** Staff escalation to an ID document; only valid with a written reason stating the reasonable doubt. */
  documentRequested?: { reason: string };
};

export type IdentityRequirement =
  | {
      level: "verified";
      rationale: "merchant_compliance_webhook" | "signed_in_customer" | "retention_period";
    }
  | {
      level: "email_link";
      /** Where the link goes: the address already on file, or the address given (no match, or an heir). */
      sendTo: "email_on_file" | "address_given";
      rationale: "email_control";
    }
  | { level: "document"; rationale: "staff_reasonable_doubt"; staffReason: string };

/**
 * The proportionate identity check for a request: the lightest level that the channel allows, or `document` when
 * staff escalates with a written reason. Throws `DOCUMENT_REASON_REQUIRED` for an escalation without a reason and
 * `IDENTITY_CHECK_NOT_APPLICABLE` for an escalation on a Shopify compliance webhook.
 */
export function requiredIdentityCheck(input: IdentityInput): IdentityRequirement {
  const { context, requestType, documentRequested } = input;
  if (context.channel === "shopify_compliance_webhook") {
    // Shopify passes on a request the merchant already received; the duty to verify sits with the merchant.
    if (documentRequested) {
      throw new AppError("IDENTITY_CHECK_NOT_APPLICABLE", "No shopper to check on a compliance webhook");
    }
    return { level: "verified", rationale: "merchant_compliance_webhook" };
  }
  if (documentRequested) {
    // GDPR art. 12(6), EDPB Guidelines 01/2022 §§ 69–78: an ID copy only on a reasonable, recorded doubt.
    if (documentRequested.reason.trim() === "") {
      throw new AppError("DOCUMENT_REASON_REQUIRED", "Asking for an ID document needs a written reason");
    }
    return {
      level: "document",
      rationale: "staff_reasonable_doubt",
      staffReason: documentRequested.reason.trim(),
    };
  }
  // An heir is not the account holder: the deceased's session or mailbox proves nothing about the heir.
  if (requestType === "heir_request") {
    return { level: "email_link", sendTo: "address_given", rationale: "email_control" };
  }
  if (
    context.channel === "storefront" &&
    context.appProxySignatureValid &&
    context.loggedInCustomerId !== null &&
    context.loggedInCustomerId === context.subjectCustomerId
  ) {
    // EDPB Guidelines 01/2022 §§ 69–78: an authenticated session of the account holder is enough.
    return { level: "verified", rationale: "signed_in_customer" };
  }
  // GDPR art. 12(6): prefer the channel we already hold; the reply-to of an e-mail can be forged, so send a link.
  return {
    level: "email_link",
    sendTo: context.emailMatchesCustomerOnFile ? "email_on_file" : "address_given",
    rationale: "email_control",
  };
}

/** Why the legal clock stands still: information genuinely needed to identify the person is awaited. */
export const PAUSE_REASONS = ["address_not_on_file", "heir_identity", "identity_document"] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** Why the clock runs from receipt: the channel already identifies the requester. */
export type RunningReason =
  | "merchant_compliance_webhook"
  | "signed_in_customer"
  | "retention_period"
  | "address_on_file";

export type ClockDecision = { paused: true; reason: PauseReason } | { paused: false; reason: RunningReason };

/**
 * Whether a request's clock waits while its identity check runs. It runs from receipt (GDPR art. 12(3)) unless the
 * check awaits information needed to identify the person: an address not on file confirmed by code, an heir's
 * proofs, or an ID document asked for on a written doubt. A code sent to the address on file confirms what the
 * shop already knows; the request came through a channel that identifies the requester, so the clock runs.
 */
export function clockDecision(requestType: RequestType, requirement: IdentityRequirement): ClockDecision {
  // GDPR art. 12(6), EDPB Guidelines 01/2022 §§ 69–78, décret 2019-536: suspended only while identity is awaited.
  if (requirement.level === "verified") return { paused: false, reason: requirement.rationale };
  if (requirement.level === "document") return { paused: true, reason: "identity_document" };
  if (requestType === "heir_request") return { paused: true, reason: "heir_identity" };
  return requirement.sendTo === "email_on_file"
    ? { paused: false, reason: "address_on_file" }
    : { paused: true, reason: "address_not_on_file" };
}
