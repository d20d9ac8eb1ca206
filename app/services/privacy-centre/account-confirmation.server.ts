// A signed-in shopper's request is acted on as theirs at once, so it must really be theirs: a page
// elsewhere could make their browser post the form (Shopify would sign it with their customer id).
// The first POST only shows what will be filed, with a token bound to the customer and the exact
// fields; filing needs a second POST carrying it, which a cross-site page cannot read or forge.
import { createHash } from "node:crypto";
import { z } from "zod";
import { signToken, verifyToken } from "~/utils/signed-token.server";
import type { RequestForm } from "../requests/request-form";

const ConfirmationToken = z.object({ c: z.string(), h: z.string() });
const TTL_SECONDS = 15 * 60;

function fieldsHash(form: RequestForm) {
  return createHash("sha256").update(JSON.stringify(form)).digest("base64url");
}

export function accountConfirmationToken(secret: Buffer, customerId: string, form: RequestForm) {
  return signToken(
    secret,
    "account_confirmation",
    { c: customerId, h: fieldsHash(form) },
    { ttlSeconds: TTL_SECONDS },
  );
}

/** True when `token` was issued for this customer and exactly these fields, and has not expired. */
export function confirmsAccountRequest(secret: Buffer, token: string, customerId: string, form: RequestForm) {
  const claims = verifyToken(secret, "account_confirmation", token, ConfirmationToken);
  return claims !== null && claims.c === customerId && claims.h === fieldsHash(form);
}
