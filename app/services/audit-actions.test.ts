// Every action the code writes to the audit log reads in words in both languages on /app/audit.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { fr } from "~/i18n/messages/fr";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** `action: "x.y"` literals next to an audit call, and the codes built from a template. */
function writtenActions(): string[] {
  const found = new Set<string>([
    ...["sent", "outbox", "failed", "unknown"].map((status) => `email.${status}`),
    ...["cleared", "order_refused"].map((outcome) => `payment_check.${outcome}`),
    ...["activity", "processor"].flatMap((kind) => [`register.${kind}.edited`, `register.${kind}.reviewed`]),
    "audit.chain.verified",
    "audit.chain.broken",
  ]);
  for (const file of sources(path.resolve(__dirname, ".."))) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("recordAudit") && !text.includes("appendAuditEntry")) continue;
    for (const match of text.matchAll(/action: "([a-z_]+(?:\.[a-z_]+)+)"/g)) found.add(match[1] as string);
  }
  return [...found].sort();
}

describe("audit actions in words", () => {
  it("names every action the code writes, in French and in English", () => {
    const actions = writtenActions();
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((code) => !(code in en.auditAction))).toEqual([]);
    expect(actions.filter((code) => !(code in fr.auditAction))).toEqual([]);
  });
});
