import { describe, expect, it } from "vitest";
import { type IdentityContext, requiredIdentityCheck } from "./identity-policy";

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
