// What of a request's type-specific details (RightsRequest.details) may outlive an erasure: the
// codes that say what was asked and how it was handled, never the texts people wrote in it.

// Codes only: the type, a directive's action and consent flag, an heir's scope and proof states.
const KEPT_KEYS = ["type", "action", "specificConsent", "scope", "deathProof", "heirProof"] as const;

/**
 * The details JSON with every free text and contact removed (a post-mortem directive's
 * instructions and executor become null), for a request kept as a record after the subject's
 * erasure (GDPR art. 5(2), 17). Unreadable details become `{}`.
 */
export function scrubRequestDetails(details: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return "{}";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "{}";
  const source = parsed as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_KEYS) {
    if (key in source) kept[key] = source[key];
  }
  if (kept.type === "post_mortem_directive") {
    // The directive's shape stays readable by the domain; its contents (LIL art. 85-I) go.
    kept.instructions = null;
    kept.executor = null;
  }
  if (kept.type === "heir_request") {
    // Who died and how the heir is related to them are not codes.
    kept.deceasedEmail = null;
    kept.relationship = null;
  }
  return JSON.stringify(kept);
}
