// Verifying a Stripe webhook delivery over its raw bytes (never re-serialised JSON), with the SDK's
// own `constructEvent`: HMAC-SHA256 of "<t>.<body>" under the endpoint secret, compared in
// constant time against every `v1=` signature of the `Stripe-Signature` header. Several secrets
// can be tried (a secret being rolled, or several shops' endpoints): the first that verifies wins.
// Deliveries older than 300 s are refused (replays), and so are ones dated more than 300 s ahead,
// which the SDK alone would accept. stripe@23 reads a tolerance of 0 as "no age check at all":
// the tolerance passed here is a constant 300, never 0.
import Stripe from "stripe";

/** Stripe's default, and ours: how old (or how far ahead) a signed timestamp may be, in seconds. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

/** Why a delivery was refused; none of them carries the body or the secret. */
export type StripeSignatureFailure =
  | "missing_header"
  | "malformed_header"
  | "no_secret"
  | "stale_timestamp"
  | "future_timestamp"
  | "bad_signature"
  | "invalid_payload";

export type StripeEventVerification =
  | { ok: true; event: Stripe.Event; secretIndex: number }
  | { ok: false; reason: StripeSignatureFailure };

/** `t=<unix>` of the header, when it has one and at least one `v1=` signature. */
function signedAt(header: string): number | null {
  let timestamp: number | null = null;
  let signatures = 0;
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value) signatures += 1;
  }
  return signatures > 0 ? timestamp : null;
}

/**
 * Verifies a delivery against `secrets` (in order) at time `now`. Returns the parsed event and the
 * index of the secret that verified it, or the reason it was refused.
 */
export function verifyStripeEvent(
  rawBody: Buffer,
  header: string | undefined,
  secrets: string[],
  now: Date,
): StripeEventVerification {
  if (!header?.trim()) return { ok: false, reason: "missing_header" };
  const timestamp = signedAt(header);
  if (timestamp === null) return { ok: false, reason: "malformed_header" };
  const usable = secrets.map((s, index) => ({ secret: s.trim(), index })).filter((s) => s.secret !== "");
  if (usable.length === 0) return { ok: false, reason: "no_secret" };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds - timestamp > STRIPE_SIGNATURE_TOLERANCE_SECONDS)
    return { ok: false, reason: "stale_timestamp" };
  if (timestamp - nowSeconds > STRIPE_SIGNATURE_TOLERANCE_SECONDS)
    return { ok: false, reason: "future_timestamp" };

  for (const { secret, index } of usable) {
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(
        rawBody,
        header,
        secret,
        STRIPE_SIGNATURE_TOLERANCE_SECONDS,
        undefined,
        now.getTime(),
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) continue;
      // The signature matched but the body is not a JSON event.
      return { ok: false, reason: "invalid_payload" };
    }
    if (
      typeof event !== "object" ||
      event === null ||
      typeof event.id !== "string" ||
      typeof event.type !== "string"
    ) {
      return { ok: false, reason: "invalid_payload" };
    }
    return { ok: true, event, secretIndex: index };
  }
  return { ok: false, reason: "bad_signature" };
}
