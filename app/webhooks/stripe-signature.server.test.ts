import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signStripeWebhook, stripeEvent } from "~/sandbox/simulators/stripe-webhooks";
import { verifyStripeEvent } from "./stripe-signature.server";

const SHOP_A = "whsec_shopAshopAshopAshopA0123";
const SHOP_B = "whsec_shopBshopBshopBshopB4567";
const NOW = new Date("2026-11-26T12:00:00Z");
const T = Math.floor(NOW.getTime() / 1000);

const event = stripeEvent(
  "customer.deleted",
  { id: "cus_1", object: "customer", deleted: true },
  { id: "evt_1", created: T },
);
const body = Buffer.from(JSON.stringify(event, null, 2));
const sign = (secret: string, at = T, payload = body) =>
  signStripeWebhook(payload.toString("utf8"), secret, at);

describe("verifyStripeEvent", () => {
  it("returns the parsed event for a delivery signed with the secret over the raw bytes", () => {
    const result = verifyStripeEvent(body, sign(SHOP_A), [SHOP_A], NOW);
    expect(result).toEqual({ ok: true, event, secretIndex: 0 });
  });

  it("matches Stripe's scheme: HMAC-SHA256 of `t.body`, hex, among several v1 signatures", () => {
    const v1 = createHmac("sha256", SHOP_A)
      .update(`${T}.${body.toString("utf8")}`)
      .digest("hex");
    const header = `t=${T},v1=${"0".repeat(64)},v1=${v1},v0=ignored`;
    expect(verifyStripeEvent(body, header, [SHOP_A], NOW)).toMatchObject({ ok: true });
  });

  it("refuses a tampered body, including the same JSON re-serialised", () => {
    const header = sign(SHOP_A);
    const tampered = Buffer.from(body.toString("utf8").replace("cus_1", "cus_2"));
    expect(verifyStripeEvent(tampered, header, [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    const reserialised = Buffer.from(JSON.stringify(event));
    expect(verifyStripeEvent(reserialised, header, [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a delivery signed with another secret", () => {
    expect(verifyStripeEvent(body, sign(SHOP_B), [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses timestamps more than 300 s old or ahead, and accepts them at the edge", () => {
    expect(verifyStripeEvent(body, sign(SHOP_A, T - 301), [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "stale_timestamp",
    });
    expect(verifyStripeEvent(body, sign(SHOP_A, T + 301), [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "future_timestamp",
    });
    expect(verifyStripeEvent(body, sign(SHOP_A, T - 300), [SHOP_A], NOW)).toMatchObject({ ok: true });
    // An hour later the very same delivery is a replay.
    const later = new Date(NOW.getTime() + 3_600_000);
    expect(verifyStripeEvent(body, sign(SHOP_A), [SHOP_A], later)).toEqual({
      ok: false,
      reason: "stale_timestamp",
    });
  });

  it("refuses a missing, empty or malformed header", () => {
    expect(verifyStripeEvent(body, undefined, [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "missing_header",
    });
    expect(verifyStripeEvent(body, "  ", [SHOP_A], NOW)).toEqual({ ok: false, reason: "missing_header" });
    expect(verifyStripeEvent(body, `t=${T}`, [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "malformed_header",
    });
    expect(verifyStripeEvent(body, "v1=abc", [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "malformed_header",
    });
  });

  it("tries two shops' secrets in order and says which one verified", () => {
    expect(verifyStripeEvent(body, sign(SHOP_B), [SHOP_A, SHOP_B], NOW)).toMatchObject({
      ok: true,
      secretIndex: 1,
    });
    expect(verifyStripeEvent(body, sign(SHOP_A), [SHOP_A, SHOP_B], NOW)).toMatchObject({
      ok: true,
      secretIndex: 0,
    });
    expect(verifyStripeEvent(body, sign(SHOP_A), ["", " "], NOW)).toEqual({ ok: false, reason: "no_secret" });
    expect(verifyStripeEvent(body, sign(SHOP_A), [], NOW)).toEqual({ ok: false, reason: "no_secret" });
  });

  it("refuses a correctly signed body that is not a JSON event", () => {
    const junk = Buffer.from("not json at all");
    expect(verifyStripeEvent(junk, sign(SHOP_A, T, junk), [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "invalid_payload",
    });
    const array = Buffer.from("[1,2]");
    expect(verifyStripeEvent(array, sign(SHOP_A, T, array), [SHOP_A], NOW)).toEqual({
      ok: false,
      reason: "invalid_payload",
    });
  });
});
