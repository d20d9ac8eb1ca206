import { AppError } from "../errors";

/** Wrong tries allowed before a code locks; a 6-digit code then has a 5-in-a-million guess chance. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** Lifetime of a code or link sent by e-mail. */
export const DEFAULT_CODE_TTL_MS = 15 * 60_000;

/**
 * The state of one issued code. The code itself (or its hash) is stored and compared by the server layer with a
 * constant-time comparison; this module only decides from the comparison's result.
 */
export type OneTimeCode = { issuedAt: Date; expiresAt: Date; attempts: number; usedAt: Date | null };

export type CodeStatus = "active" | "expired" | "used" | "locked";

export type CodeCheckOutcome = "accepted" | "wrong_code" | "expired" | "locked" | "already_used";

/** The decision and the state to store; `attemptsLeft` is 0 once used, expired or locked. */
export type CodeCheck = { outcome: CodeCheckOutcome; code: OneTimeCode; attemptsLeft: number };

/** A fresh code state valid from `now` for `ttlMs`; throws `INVALID_CODE_SETTINGS` for a non-positive lifetime. */
export function issueOneTimeCode(options: { now: Date; ttlMs?: number }): OneTimeCode {
  const ttlMs = options.ttlMs ?? DEFAULT_CODE_TTL_MS;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new AppError("INVALID_CODE_SETTINGS", "A code lifetime must be a positive number of milliseconds");
  }
  return {
    issuedAt: options.now,
    expiresAt: new Date(options.now.getTime() + ttlMs),
    attempts: 0,
    usedAt: null,
  };
}

/** Where a code stands at `now`: used beats locked beats expired; a code expires at `expiresAt` exactly. */
export function oneTimeCodeStatus(
  code: OneTimeCode,
  now: Date,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
): CodeStatus {
  if (code.usedAt !== null) return "used";
  if (code.attempts >= maxAttempts) return "locked";
  if (now.getTime() >= code.expiresAt.getTime()) return "expired";
  return "active";
}

/**
 * Decides one submission. Only a submission to an active code counts as an attempt; the right code is accepted
 * once (single use); after `maxAttempts` tries the code is locked even for the right value.
 */
export function checkOneTimeCode(
  code: OneTimeCode,
  submission: { now: Date; matches: boolean; maxAttempts?: number },
): CodeCheck {
  const maxAttempts = submission.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new AppError("INVALID_CODE_SETTINGS", "maxAttempts must be a whole number, at least one");
  }
  const status = oneTimeCodeStatus(code, submission.now, maxAttempts);
  if (status === "used") return { outcome: "already_used", code, attemptsLeft: 0 };
  if (status === "locked") return { outcome: "locked", code, attemptsLeft: 0 };
  if (status === "expired") return { outcome: "expired", code, attemptsLeft: 0 };
  const attempts = code.attempts + 1;
  if (submission.matches) {
    return { outcome: "accepted", code: { ...code, attempts, usedAt: submission.now }, attemptsLeft: 0 };
  }
  return { outcome: "wrong_code", code: { ...code, attempts }, attemptsLeft: maxAttempts - attempts };
}
