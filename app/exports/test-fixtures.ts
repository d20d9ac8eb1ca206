// Helpers for the archive tests: fake record streams, and reading a written zip back with Info-ZIP's
// `unzip` (an independent reader, so the tests do not trust the writer's own idea of the format).
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ExportRecord, SystemName } from "~/domain/systems";
import { type StagedPart, type WriteExportArchiveOptions, writeExportArchive } from "./archive-writer.server";
import { SECTION_INFO, sectionInfo } from "./section-info";
import { type PartStaging, writeSystemPart } from "./system-part.server";

/** A one-pass async stream of records, like a connector's export generator. */
export async function* stream(records: readonly ExportRecord[]): AsyncGenerator<ExportRecord> {
  for (const record of records) {
    await Promise.resolve();
    yield record;
  }
}

/** A fresh private temporary directory. */
export function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "vigie-export-test-"));
}

/** A part's staged streams as plain files in `dir` (the jobs stage them, sealed, in the database). */
export function fileStaging(dir: string, system: SystemName): PartStaging & Pick<StagedPart, "read"> {
  const file = (name: string) => path.join(dir, `${system}-${name.replace(":", "-")}.part`);
  return {
    writer: (name) => createWriteStream(file(name)),
    read: (name) => createReadStream(file(name)),
  };
}

export type ArchiveFileOptions = Omit<WriteExportArchiveOptions, "output" | "parts"> & {
  systems: { system: SystemName; records: AsyncIterable<ExportRecord> }[];
};

/**
 * Builds each system's part as its export job would, then the archive, to `<dir>/archive.zip`;
 * returns its path and the writer's result.
 */
export async function writeArchiveFile(dir: string, { systems, ...options }: ArchiveFileOptions) {
  const parts: StagedPart[] = [];
  for (const { system, records } of systems) {
    const staging = fileStaging(dir, system);
    const summary = await writeSystemPart({
      system,
      records,
      subject: options.subject,
      generatedAt: options.generatedAt,
      staging,
    });
    parts.push({ summary, read: staging.read });
  }
  const file = path.join(dir, "archive.zip");
  const result = await writeExportArchive({ ...options, parts, output: createWriteStream(file) });
  return { file, result };
}

/** Entry names, in the order of the zip's central directory. */
export function zipEntries(file: string): string[] {
  return execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n").filter(Boolean);
}

/** The uncompressed bytes of one entry. */
export function zipEntry(file: string, name: string): Buffer {
  return execFileSync("unzip", ["-p", file, name], { maxBuffer: 512 * 1024 * 1024 });
}

/** Runs `unzip -t` (every entry's CRC checked); throws if the archive is damaged. */
export function testZip(file: string): string {
  return execFileSync("unzip", ["-t", file], { encoding: "utf8" });
}

export const SUBJECT = {
  reference: "REQ-2026-0042",
  email: "camille.martin@example.fr",
  shopName: "iméra <script>alert('shop')</script> & co",
};

export const GENERATED_AT = new Date("2026-11-26T09:30:00.000Z");

/** Markup in record data: kept verbatim in JSON, never reaching the README. */
export const SCRIPT = "<script>alert('data')</script>";

/** The golden archive's input. Sections interleaved as the connectors emit them (orders and order_inputs alternate). */
export const RECORDS: Record<SystemName, ExportRecord[]> = {
  shopify: [
    {
      section: "customer",
      provided: true,
      data: {
        id: "gid://shopify/Customer/7001",
        firstName: "Camille",
        lastName: "Martin",
        phone: "+33612345678",
      },
    },
    {
      section: "customer",
      provided: false,
      data: { id: "gid://shopify/Customer/7001", locale: "fr", merchantNote: SCRIPT, tags: ["vip"] },
    },
    {
      section: "addresses",
      provided: true,
      data: { address1: "12 rue de la Paix", city: "Paris", zip: "75002" },
    },
    { section: "marketing", provided: false, data: { channel: "email", marketingState: "SUBSCRIBED" } },
    {
      section: "orders",
      provided: false,
      data: {
        orderId: "gid://shopify/Order/1",
        name: "#1001",
        financialStatus: "PAID",
        total: { amount: "59.00", currencyCode: "EUR" },
        lineItems: [{ title: 'Bougie "Ambre", 200 g', quantity: 2 }],
      },
    },
    {
      section: "order_inputs",
      provided: true,
      data: { orderId: "gid://shopify/Order/1", note: '=HYPERLINK("http://evil.example")' },
    },
    {
      section: "orders",
      provided: false,
      data: {
        orderId: "gid://shopify/Order/2",
        name: "=1+1",
        financialStatus: "REFUNDED",
        total: { amount: "-5.00", currencyCode: "EUR" },
        lineItems: [],
        cancelledAt: "2026-11-20T10:00:00Z",
        // Not a column of the orders table: in shopify.json only.
        shippingLine: "Colissimo",
      },
    },
    { section: "order_inputs", provided: true, data: { orderId: "gid://shopify/Order/2", note: null } },
  ],
  stripe: [
    {
      section: "customer",
      provided: true,
      data: { id: "cus_1", name: "Camille Martin", email: SUBJECT.email },
    },
    { section: "customer", provided: false, data: { id: "cus_1", created: 1764000000, balance: -500 } },
    {
      section: "charges",
      provided: true,
      data: { id: "ch_1", billingDetails: { name: "Camille Martin", address: { city: "Paris" } } },
    },
    {
      section: "charges",
      provided: false,
      data: {
        id: "ch_1",
        amount: 5900,
        paid: true,
        description: "@SUM(1+1)*cmd|' /C calc'!A0",
        riskAssessment: { riskLevel: "normal" },
      },
    },
    { section: "payment_intents", provided: false, data: { id: "pi_1", amount: 5900, status: "succeeded" } },
    {
      section: "invoices",
      provided: true,
      data: { id: "in_1", customerName: "-Camille", customerEmail: null },
    },
    {
      section: "invoices",
      provided: false,
      data: { id: "in_1", number: "INV-0001", amountDue: -100, description: "Commande #1001\nLivraison" },
    },
    { section: "early_fraud_warnings", provided: false, data: { id: "issfr_1", fraudType: "misc" } },
  ],
  mailchimp: [
    {
      section: "member",
      provided: true,
      data: { email_address: SUBJECT.email, merge_fields: { FNAME: "Camille" } },
    },
    { section: "member", provided: false, data: { status: "subscribed", language: "fr" } },
    {
      section: "marketing_permissions",
      provided: true,
      data: { marketing_permission_id: "p1", text: "E-mail", enabled: true },
    },
    { section: "activity", provided: false, data: { action: "open", timestamp: "2026-11-01T08:00:00Z" } },
    { section: "activity", provided: false, data: { action: "click", url: "https://imera.example/é" } },
  ],
  vigie: [
    {
      section: "consent_events",
      provided: true,
      data: { kind: "granted", purpose: "newsletter", source: "checkout", wording: "Je souhaite recevoir…" },
    },
    {
      section: "rights_requests",
      provided: true,
      data: { type: "access", receivedAt: "2026-11-25", state: "open" },
    },
    { section: "audit", provided: false, data: { action: "export.started", actorType: "system" } },
    { section: "identity_checks", provided: false, data: { decision: "verified", level: "email_code" } },
  ],
};

/**
 * For connector tests: the tabular sections `records` hold, and per section the record keys its
 * CSV columns do not declare (expected: none, or the CSV would silently miss them).
 */
export function csvColumnCheck(system: SystemName, records: readonly ExportRecord[]) {
  const tables = new Set<string>();
  const undeclared: Record<string, string[]> = {};
  for (const { section, data } of records) {
    const columns = sectionInfo(system, section).columns;
    if (!columns) continue;
    tables.add(section);
    const missing = Object.keys(data).filter((key) => !columns.includes(key));
    if (missing.length > 0) undeclared[section] = [...new Set([...(undeclared[section] ?? []), ...missing])];
  }
  return { tables: [...tables], undeclared };
}

/** The sections of `system` written as CSV tables. */
export const tabularSections = (system: SystemName) =>
  Object.entries(SECTION_INFO[system])
    .filter(([, info]) => info.columns)
    .map(([section]) => section);
