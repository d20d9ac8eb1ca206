// The invoice facts an erasure must keep (Code de commerce L123-22; GDPR art. 17(3)(b)): taken from
// the subject's Shopify orders before Shopify redacts them, sealed in a restricted archive. Pure.
import { type LocalDate, parseLocalDate } from "~/domain/deadlines/local-date";
import type { ExportRecord } from "~/domain/systems";
import { ACCOUNTING_RETENTION_YEARS, accountingHoldExpiry } from "./legal-holds";

/** The plan step that archives invoice facts: run by Vigie itself, before Shopify's erasure. */
export const INVOICE_ARCHIVE_STEP = "shopify:invoice-archive";
/** The legal basis of accounting holds, as plans and holds name it. */
export const ACCOUNTING_HOLD = "fr-code-commerce-L123-22";
export const ACCOUNTING_HOLD_BASIS = `Code de commerce L123-22 (${ACCOUNTING_RETENTION_YEARS} years); GDPR art. 17(3)(b)`;
/** What the archive keeps of each order: what an invoice must show, nothing else. */
export const INVOICE_FIELDS = [
  "order number",
  "date",
  "amounts",
  "lines",
  "billing name and address",
] as const;

export type ArchivedInvoice = {
  order: string;
  date: string;
  total: unknown;
  lines: unknown;
  billingAddress: unknown;
};

/**
 * Keeps, per order, the invoice facts from the `orders` and `order_inputs` records of a Shopify
 * export; drops the rest (shipping address, phone, note, attributes are not invoice data).
 */
export function invoicesFromOrderRecords(records: Iterable<ExportRecord>): ArchivedInvoice[] {
  const byOrder = new Map<string, ArchivedInvoice>();
  const entry = (id: string) => {
    let invoice = byOrder.get(id);
    if (!invoice) {
      invoice = { order: "", date: "", total: null, lines: null, billingAddress: null };
      byOrder.set(id, invoice);
    }
    return invoice;
  };
  for (const record of records) {
    const id = typeof record.data.orderId === "string" ? record.data.orderId : null;
    if (!id) continue;
    if (record.section === "orders") {
      const invoice = entry(id);
      invoice.order = String(record.data.name ?? id);
      invoice.date = String(record.data.processedAt ?? record.data.createdAt ?? "");
      invoice.total = record.data.total ?? null;
      invoice.lines = record.data.lineItems ?? null;
    } else if (record.section === "order_inputs") {
      entry(id).billingAddress = record.data.billingAddress ?? null;
    }
  }
  return [...byOrder.values()].filter((invoice) => invoice.date !== "");
}

/** When the archive may go: ten years after the close of the financial year of the latest invoice. */
export function invoiceArchiveExpiry(invoices: ArchivedInvoice[]): LocalDate | null {
  const latest = invoices
    .map((i) => i.date.slice(0, 10))
    .sort()
    .at(-1);
  return latest ? accountingHoldExpiry(parseLocalDate(latest)) : null;
}
