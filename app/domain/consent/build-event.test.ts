import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { grantInput, saltFor, withdrawalInput } from "../../../tests/fixtures/consent-events";
import { buildEvent, pseudonymise } from "./build-event";
import { canonicalJson } from "./canonical-json";
import type { ConsentEventInput, PersonalFields } from "./consent-event";
import { chainHashFor, commitmentFor, GENESIS_HASH, sha256Hex } from "./ledger-hash";

describe("GENESIS_HASH", () => {
  it("is the documented constant, so exports can be verified without Vigie's code", () => {
    expect(GENESIS_HASH).toBe("8c64681121692ed203dc3f9fff5cd92e852ef5ade9ffa2645bccbce562193160");
    expect(GENESIS_HASH).toBe(sha256Hex("vigie:consent-ledger:v1:genesis"));
  });
});

describe("buildEvent", () => {
  it("produces the pinned commitment and hash for a reference event (format stability)", () => {
    // Reproduced independently with Python's json.dumps(sort_keys=True, separators=(",", ":"),
    // ensure_ascii=False) and hashlib.sha256: if this changes, every stored ledger stops verifying.
    const event = buildEvent(grantInput(), GENESIS_HASH, 1, saltFor(1));
    expect(event.commitment).toBe("53fa99df69698b34dfc3ef6fca6880b77ecd92ce8f7f1e1c075615be3aad2e75");
    expect(event.hash).toBe("e4c4ce282608bec8d84bb8a1aec1264a5b4e80440b730d894c0e96f0e269aa02");
  });

  it("chains after prevHash at the given seq and keeps the personal fields beside the salt", () => {
    const event = buildEvent(grantInput(), "a".repeat(64), 7, saltFor(7));
    expect(event).toMatchObject({ seq: 7, prevHash: "a".repeat(64), pseudonymised: false, salt: saltFor(7) });
    expect(event.personal).toEqual(grantInput().personal);
    expect(event.commitment).toBe(commitmentFor(grantInput().personal as PersonalFields, saltFor(7)));
    expect(event.hash).toBe(chainHashFor(event));
  });

  it("stores instants in UTC, so a Date and an offset string give the same event", () => {
    const fromOffset = buildEvent(
      grantInput({ occurredAt: "2026-11-26T10:30:00+01:00" }),
      GENESIS_HASH,
      1,
      saltFor(1),
    );
    const fromDate = buildEvent(
      grantInput({ occurredAt: new Date("2026-11-26T09:30:00Z") }),
      GENESIS_HASH,
      1,
      saltFor(1),
    );
    expect(fromOffset.occurredAt).toBe("2026-11-26T09:30:00.000Z");
    expect(fromDate.hash).toBe(fromOffset.hash);
  });

  it("gives a different commitment and hash for another salt, the same for the same salt", () => {
    const a = buildEvent(grantInput(), GENESIS_HASH, 1, saltFor(1));
    const again = buildEvent(grantInput(), GENESIS_HASH, 1, saltFor(1));
    const b = buildEvent(grantInput(), GENESIS_HASH, 1, saltFor(2));
    expect(again.hash).toBe(a.hash);
    expect(b.commitment).not.toBe(a.commitment);
    expect(b.hash).not.toBe(a.hash);
  });

  it("accepts a Mailchimp withdrawal that has no wording (nothing was shown)", () => {
    const event = buildEvent(withdrawalInput(), GENESIS_HASH, 1, saltFor(1));
    expect(event.kind).toBe("withdrawn");
    expect(event.wording).toBeUndefined();
  });

  it("records a double opt-in: the request with its proof, then the grant naming the request it confirms", () => {
    const request = buildEvent(grantInput({ kind: "confirmation_requested" }), GENESIS_HASH, 1, saltFor(1));
    expect(request).toMatchObject({ kind: "confirmation_requested", wording: grantInput().wording });
    const confirmed = buildEvent(
      grantInput({ id: "evt_2", confirmsEventId: request.id, occurredAt: "2026-11-27T08:00:00.000Z" }),
      request.hash,
      2,
      saltFor(2),
    );
    expect(confirmed.confirmsEventId).toBe("evt_1");
    // The reference is chained: the same grant without it has another hash.
    const { confirmsEventId: _, ...without } = confirmed;
    expect(chainHashFor(without)).not.toBe(confirmed.hash);
  });

  it("cuts a user agent to 512 code points", () => {
    const input = grantInput({ personal: { ...grantInput().personal, userAgent: "😀".repeat(600) } });
    const event = buildEvent(input, GENESIS_HASH, 1, saltFor(1));
    expect(Array.from(event.personal?.userAgent ?? "")).toHaveLength(512);
  });

  const personal = grantInput().personal;
  it.each<[string, Partial<ConsentEventInput>]>([
    ["a grant without wording", { wording: undefined }],
    ["a grant without notice version", { noticeVersion: undefined }],
    ["a grant without wording locale", { wordingLocale: undefined }],
    [
      "a grant issued by the system itself",
      { source: "system", personal: { ...personal, ipPrefix: undefined, userAgent: undefined } },
    ],
    ["a full IP address", { personal: { ...personal, ipPrefix: "203.0.113.42" } }],
    [
      "an IP prefix on a staff event",
      { source: "staff", personal: { ...personal, userAgent: undefined, actor: "staff_1" } },
    ],
    [
      "a user agent on a Shopify event",
      { source: "shopify", personal: { ...personal, ipPrefix: undefined } },
    ],
    ["a staff event without actor", { source: "staff", personal: { subjectId: "s", email: "a@b.fr" } }],
    ["an actor on a checkout event", { personal: { ...personal, actor: "staff_1" } }],
    ["an unknown purpose", { purpose: "sms" as never }],
    ["an unknown kind", { kind: "opted_in" as never }],
    ["a non-ISO instant", { occurredAt: "26/11/2026" }],
    ["an e-mail without @", { personal: { ...personal, email: "camille" } }],
    ["an extra field", { ip: "203.0.113.42" } as never],
    ["a confirmation request without wording", { kind: "confirmation_requested", wording: undefined }],
    [
      "a confirmation request from Shopify",
      {
        kind: "confirmation_requested",
        source: "shopify",
        personal: { ...personal, ipPrefix: undefined, userAgent: undefined },
      },
    ],
    [
      "a confirmation request under soft opt-in",
      { kind: "confirmation_requested", lawfulBasis: "soft_opt_in" },
    ],
    ["a withdrawal that says it confirms a request", { kind: "withdrawn", confirmsEventId: "evt_0" }],
    [
      "a soft opt-in that says it confirms a request",
      { lawfulBasis: "soft_opt_in", confirmsEventId: "evt_0" },
    ],
  ])("rejects %s", (_label, overrides) => {
    expect(() => buildEvent(grantInput(overrides), GENESIS_HASH, 1, saltFor(1))).toThrow(ZodError);
  });

  it.each([
    ["a short salt", GENESIS_HASH, 1, "abc"],
    ["an upper-case salt", GENESIS_HASH, 1, saltFor(1).toUpperCase()],
    ["a malformed prevHash", "not-a-hash", 1, saltFor(1)],
    ["seq 0", GENESIS_HASH, 0, saltFor(1)],
    ["a fractional seq", GENESIS_HASH, 1.5, saltFor(1)],
  ])("rejects %s", (_label, prevHash, seq, salt) => {
    expect(() => buildEvent(grantInput(), prevHash as string, seq as number, salt as string)).toThrow();
  });
});

describe("commitmentFor", () => {
  const personal = grantInput().personal as PersonalFields;

  it("is sha256(salt ‖ canonicalJson(personal))", () => {
    expect(commitmentFor(personal, saltFor(1))).toBe(sha256Hex(saltFor(1) + canonicalJson(personal)));
  });

  it("changes when any single personal field changes", () => {
    const base = commitmentFor(personal, saltFor(1));
    for (const key of Object.keys(personal) as (keyof PersonalFields)[]) {
      const edited = { ...personal, [key]: `${personal[key]}x` };
      expect(commitmentFor(edited, saltFor(1)), key).not.toBe(base);
    }
    expect(commitmentFor({ ...personal, actor: "staff_1" }, saltFor(1))).not.toBe(base);
  });

  it("cannot confirm a guessed e-mail without the salt", () => {
    const stored = commitmentFor(personal, saltFor(1));
    // The unsalted hash of the right guess, or the right guess under any other salt, never matches.
    expect(sha256Hex(canonicalJson(personal))).not.toBe(stored);
    expect(commitmentFor(personal, saltFor(2))).not.toBe(stored);
  });

  it("ignores key order and fields outside the personal set", () => {
    const reordered = Object.fromEntries(Object.entries(personal).reverse()) as PersonalFields;
    const withExtra = { ...personal, note: "not personal data" } as PersonalFields;
    expect(commitmentFor(reordered, saltFor(1))).toBe(commitmentFor(personal, saltFor(1)));
    expect(commitmentFor(withExtra, saltFor(1))).toBe(commitmentFor(personal, saltFor(1)));
  });
});

describe("pseudonymise", () => {
  const event = buildEvent(grantInput(), GENESIS_HASH, 1, saltFor(1));

  it("drops the personal fields and the salt and marks the event", () => {
    const erased = pseudonymise(event);
    expect(erased.pseudonymised).toBe(true);
    expect(erased.personal).toBeNull();
    expect(erased.salt).toBeNull();
    expect(JSON.stringify(erased)).not.toContain("camille");
    expect(JSON.stringify(erased)).not.toContain(saltFor(1));
  });

  it("keeps every chained field, the commitment and the hash", () => {
    const { personal: _p, salt: _s, pseudonymised: _f, ...chained } = event;
    expect(pseudonymise(event)).toMatchObject(chained);
    expect(chainHashFor(pseudonymise(event))).toBe(event.hash);
  });

  it("is idempotent and leaves the original untouched", () => {
    expect(pseudonymise(pseudonymise(event))).toEqual(pseudonymise(event));
    expect(event.personal?.email).toBe("camille@example.fr");
  });
});
