import { describe, expect, it } from "vitest";
import {
  decideRenewal,
  lastContact,
  lastEngagement,
  periodEnd,
  repermissionDue,
  repermissionSkip,
} from "./repermission";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-12-03T10:00:00.000Z");

describe("re-permission before the prospects' period ends", () => {
  it("counts a click or a reply as engagement, never an open", () => {
    const events = [
      { kind: "click" as const, at: at("2024-01-10T00:00:00Z") },
      { kind: "open" as const, at: at("2025-06-01T00:00:00Z") },
    ];
    expect(lastEngagement(events)).toEqual(at("2024-01-10T00:00:00Z"));
    expect(lastEngagement([{ kind: "open", at: at("2025-06-01T00:00:00Z") }])).toBeNull();
    expect(lastEngagement([...events, { kind: "reply", at: at("2024-05-01T00:00:00Z") }])).toEqual(
      at("2024-05-01T00:00:00Z"),
    );
  });

  it("runs the period from the last contact, a click moving it and an open not", () => {
    const signUp = at("2023-12-20T09:00:00Z");
    const opened = at("2025-01-01T00:00:00Z");
    const withOpenOnly = lastContact([signUp, lastEngagement([{ kind: "open", at: opened }])]);
    expect(periodEnd(withOpenOnly, 3)).toEqual(at("2026-12-20T09:00:00Z"));
    const clicked = lastContact([signUp, lastEngagement([{ kind: "click", at: opened }])]);
    expect(periodEnd(clicked, 3)).toEqual(at("2028-01-01T00:00:00Z"));
    expect(periodEnd(at("2024-02-29T12:00:00Z"), 3)).toEqual(at("2027-02-28T12:00:00Z"));
  });

  it("asks within the lead time before the end, not earlier and not once it has ended", () => {
    const end = at("2026-12-20T09:00:00Z");
    expect(repermissionDue(end, NOW, 30)).toBe(true);
    expect(repermissionDue(end, NOW, 10)).toBe(false);
    expect(repermissionDue(end, at("2026-12-20T09:00:00Z"), 30)).toBe(false);
  });

  it("skips the restricted, those who objected and those not subscribed", () => {
    const ok = { status: "subscribed", objected: false, restricted: false };
    expect(repermissionSkip(ok)).toBeNull();
    expect(repermissionSkip({ ...ok, restricted: true })).toBe("restricted");
    expect(repermissionSkip({ ...ok, objected: true })).toBe("objected");
    expect(repermissionSkip({ ...ok, status: "unsubscribed" })).toBe("not_subscribed");
  });

  it("renews while the period runs, once; after its end the link has expired", () => {
    const ask = { periodEndsAt: at("2026-12-20T09:00:00Z"), renewedAt: null };
    const subscribed = { status: "subscribed" };
    expect(decideRenewal(ask, subscribed, NOW)).toBe("renew");
    expect(decideRenewal(ask, subscribed, at("2026-12-20T09:00:00Z"))).toBe("expired");
    expect(decideRenewal({ ...ask, renewedAt: NOW }, subscribed, NOW)).toBe("already_renewed");
    expect(decideRenewal(ask, { status: "unsubscribed" }, NOW)).toBe("not_subscribed");
  });
});
