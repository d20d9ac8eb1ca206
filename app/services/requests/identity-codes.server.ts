// One-time codes that prove control of an e-mail address (GDPR art. 12(6), EDPB Guidelines
// 01/2022: the lightest check that works). Stored only as an HMAC under the app's key, so a
// database leak does not reveal them; expiring, single use, attempts capped.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { Tx } from "~/db/client.server";
import { checkOneTimeCode, DEFAULT_MAX_ATTEMPTS, issueOneTimeCode } from "~/domain/requests/one-time-code";

/** A day: mail can be slow, and guessing stays capped by the attempts limit. */
export const CODE_TTL_MS = 24 * 60 * 60_000;

function codeMac(secret: Buffer, checkId: string, code: string) {
  return createHmac("sha256", secret).update(`identity-code:${checkId}:${code}`).digest("hex");
}

/** Opens an e-mail code check for a request; returns the check id and the code to send (never stored). */
export async function openEmailCodeCheck(tx: Tx, secret: Buffer, requestId: string, now = new Date()) {
  // Earlier pending codes of this request stop working: only the last one sent is valid.
  await tx.identityCheck.updateMany({
    where: { requestId, method: "email_code", status: "pending" },
    data: { status: "cancelled", decidedAt: now },
  });
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const check = await tx.identityCheck.create({
    data: {
      requestId,
      method: "email_code",
      status: "pending",
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      expiresAt: issueOneTimeCode({ now, ttlMs: CODE_TTL_MS }).expiresAt,
    },
    select: { id: true },
  });
  await tx.identityCheck.update({
    where: { id: check.id },
    data: { codeHash: codeMac(secret, check.id, code) },
  });
  return { checkId: check.id, code, expiresInMinutes: CODE_TTL_MS / 60_000 };
}

export type CodeOutcome = "accepted" | "wrong_code" | "expired" | "locked" | "already_used" | "unknown";

/**
 * Checks a code against a request's pending check, counting the attempt whatever the outcome
 * (brute force is capped at maxAttempts, after which the check is locked).
 */
export async function tryEmailCode(tx: Tx, secret: Buffer, checkId: string, code: string, now = new Date()) {
  const check = await tx.identityCheck.findUnique({ where: { id: checkId } });
  if (check?.method !== "email_code" || !check.expiresAt || !check.codeHash) {
    return { outcome: "unknown" as CodeOutcome, requestId: null };
  }
  const given = Buffer.from(codeMac(secret, check.id, code.trim()));
  const expected = Buffer.from(check.codeHash);
  const result = checkOneTimeCode(
    {
      issuedAt: check.createdAt,
      expiresAt: check.expiresAt,
      attempts: check.attempts,
      usedAt:
        check.status === "passed"
          ? check.decidedAt
          : check.status === "cancelled"
            ? (check.decidedAt ?? now)
            : null,
    },
    {
      now,
      maxAttempts: check.maxAttempts,
      matches: given.length === expected.length && timingSafeEqual(given, expected),
    },
  );
  const status =
    result.outcome === "accepted"
      ? "passed"
      : result.outcome === "expired"
        ? "expired"
        : result.outcome === "locked" || (result.outcome === "wrong_code" && result.attemptsLeft === 0)
          ? "failed"
          : check.status;
  await tx.identityCheck.update({
    where: { id: check.id },
    data: {
      attempts: result.code.attempts,
      status,
      ...(status !== check.status && { decidedAt: now, decidedBy: "shopper" }),
    },
  });
  return {
    outcome: result.outcome as CodeOutcome,
    requestId: check.requestId,
    attemptsLeft: result.attemptsLeft,
  };
}
