import { describe, expect, it } from "vitest";
import { clockDecision, type IdentityContext, requiredIdentityCheck } from "./identity-policy";

const signedIn: IdentityContext = {
  channel: "storefront",
  appProxySignatureValid: true,
  loggedInCustomerId: "gid://shopify/Customer/42",
  subjectCustomerId: "gid://shopify/Customer/42",
  emailMatchesCustomerOnFile: true,
};

describe("requiredIdentityCheck", () => {
  it("needs no check for a Shopify compliance webhook (the merchant's duty)", () => {
    expect(
      requiredIdentityCheck({ requestType: "erasure", context: { channel: "shopify_compliance_webhook" } }),
    ).toEqual({
      level: "verified",
      rationale: "merchant_compliance_webhook",
    });
  });

  it("needs no check for a customer signed in through a signed app-proxy request about their own account", () => {
    expect(requiredIdentityCheck({ requestType: "access", context: signedIn })).toEqual({
      level: "verified",
      rationale: "signed_in_customer",
    });
  });

  it.each<[string, IdentityContext]>([
    ["the app-proxy signature is invalid", { ...signedIn, appProxySignatureValid: false }],
    ["the shopper is signed out", { ...signedIn, loggedInCustomerId: null }],
    ["the request is about another customer", { ...signedIn, subjectCustomerId: "gid://shopify/Customer/7" }],
  ])("falls back to an e-mail link when %s", (_label, context) => {
    expect(requiredIdentityCheck({ requestType: "access", context })).toEqual({
      level: "email_link",
      sendTo: "email_on_file",
      rationale: "email_control",
    });
  });

  it("sends a link to the address on file when an e-mail request matches a customer", () => {
    const result = requiredIdentityCheck({
      requestType: "erasure",
      context: { channel: "email", emailMatchesCustomerOnFile: true },
    });
    expect(result).toEqual({ level: "email_link", sendTo: "email_on_file", rationale: "email_control" });
  });

  it("sends a link to the address given when nothing on file matches", () => {
    const result = requiredIdentityCheck({
      requestType: "access",
      context: { channel: "staff", emailMatchesCustomerOnFile: false },
    });
    expect(result).toEqual({ level: "email_link", sendTo: "address_given", rationale: "email_control" });
  });

  it("never treats the deceased's session as proof of an heir's identity", () => {
    expect(requiredIdentityCheck({ requestType: "heir_request", context: signedIn })).toEqual({
      level: "email_link",
      sendTo: "address_given",
      rationale: "email_control",
    });
  });

  it("asks for a document only when staff gives a written reason, even for a signed-in customer", () => {
    const result = requiredIdentityCheck({
      requestType: "access",
      context: signedIn,
      documentRequested: { reason: "  Account e-mail changed an hour before the request.  " },
    });
    expect(result).toEqual({
      level: "document",
      rationale: "staff_reasonable_doubt",
      staffReason: "Account e-mail changed an hour before the request.",
    });
  });

  it("throws DOCUMENT_REASON_REQUIRED for a document request without a reason", () => {
    expect(() =>
      requiredIdentityCheck({
        requestType: "access",
        context: { channel: "email", emailMatchesCustomerOnFile: true },
        documentRequested: { reason: " " },
      }),
    ).toThrow(expect.objectContaining({ code: "DOCUMENT_REASON_REQUIRED", name: "AppError" }));
  });

  it("throws IDENTITY_CHECK_NOT_APPLICABLE for a document request on a compliance webhook", () => {
    expect(() =>
      requiredIdentityCheck({
        requestType: "erasure",
        context: { channel: "shopify_compliance_webhook" },
        documentRequested: { reason: "Doubt." },
      }),
    ).toThrow(expect.objectContaining({ code: "IDENTITY_CHECK_NOT_APPLICABLE" }));
  });
});

describe("clockDecision", () => {
  const clock = (
    requestType: Parameters<typeof requiredIdentityCheck>[0]["requestType"],
    context: IdentityContext,
  ) => clockDecision(requestType, requiredIdentityCheck({ requestType, context }));

  it("runs from receipt for a request from the address on file, although a code is sent to it", () => {
    for (const context of [
      { channel: "staff", emailMatchesCustomerOnFile: true },
      { channel: "email", emailMatchesCustomerOnFile: true },
      { ...signedIn, loggedInCustomerId: null },
    ] satisfies IdentityContext[]) {
      expect(requiredIdentityCheck({ requestType: "access", context })).toMatchObject({
        level: "email_link",
      });
      expect(clock("access", context)).toEqual({ paused: false, reason: "address_on_file" });
    }
  });

  it("runs for a signed-in customer and for Shopify's compliance webhooks", () => {
    expect(clock("erasure", signedIn)).toEqual({ paused: false, reason: "signed_in_customer" });
    expect(clock("erasure", { channel: "shopify_compliance_webhook" })).toEqual({
      paused: false,
      reason: "merchant_compliance_webhook",
    });
  });

  it("waits while an address the shop does not have on file is confirmed", () => {
    expect(clock("access", { channel: "staff", emailMatchesCustomerOnFile: false })).toEqual({
      paused: true,
      reason: "address_not_on_file",
    });
    expect(
      clock("erasure", { ...signedIn, loggedInCustomerId: null, emailMatchesCustomerOnFile: false }),
    ).toEqual({ paused: true, reason: "address_not_on_file" });
  });

  it("waits for an heir's proofs even from an address on file (the deceased's address proves nothing)", () => {
    expect(clock("heir_request", { channel: "staff", emailMatchesCustomerOnFile: true })).toEqual({
      paused: true,
      reason: "heir_identity",
    });
  });

  it("waits for an ID document asked for on a written doubt", () => {
    const requirement = requiredIdentityCheck({
      requestType: "access",
      context: { channel: "staff", emailMatchesCustomerOnFile: true },
      documentRequested: { reason: "Delivery address differs" },
    });
    expect(clockDecision("access", requirement)).toEqual({ paused: true, reason: "identity_document" });
  });
});
