import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signToken, verifyToken } from "./signed-token.server";

const SECRET = randomBytes(32);
const Schema = z.object({ s: z.string(), u: z.string() });

describe("signToken / verifyToken", () => {
  it("round-trips a payload for its purpose", () => {
    const token = signToken(SECRET, "unsubscribe", { s: "shop", u: "subject" });
    expect(verifyToken(SECRET, "unsubscribe", token, Schema)).toEqual({ s: "shop", u: "subject" });
  });

  it("is worthless for another purpose or with another secret", () => {
    const token = signToken(SECRET, "unsubscribe", { s: "shop", u: "subject" });
    expect(verifyToken(SECRET, "export", token, Schema)).toBeNull();
    expect(verifyToken(randomBytes(32), "unsubscribe", token, Schema)).toBeNull();
  });

  it("refuses a changed payload, a truncated mac and garbage", () => {
    const token = signToken(SECRET, "unsubscribe", { s: "shop", u: "subject" });
    const [, mac] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ s: "shop", u: "someone-else" })).toString("base64url")}.${mac}`;
    expect(verifyToken(SECRET, "unsubscribe", forged, Schema)).toBeNull();
    expect(verifyToken(SECRET, "unsubscribe", token.slice(0, -3), Schema)).toBeNull();
    expect(verifyToken(SECRET, "unsubscribe", "nope", Schema)).toBeNull();
    expect(verifyToken(SECRET, "unsubscribe", `${token}.x`, Schema)).toBeNull();
  });

  it("expires when given a lifetime, at the second it says", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const token = signToken(SECRET, "export", { s: "a", u: "b" }, { ttlSeconds: 60, now });
    expect(verifyToken(SECRET, "export", token, Schema, new Date("2026-11-26T12:00:59Z"))).not.toBeNull();
    expect(verifyToken(SECRET, "export", token, Schema, new Date("2026-11-26T12:01:01Z"))).toBeNull();
  });

  it("refuses a well-signed payload of the wrong shape", () => {
    const token = signToken(SECRET, "unsubscribe", { s: 1 });
    expect(verifyToken(SECRET, "unsubscribe", token, Schema)).toBeNull();
  });
});
