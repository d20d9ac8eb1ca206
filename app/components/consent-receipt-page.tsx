// The shopper's own consent records in the privacy centre (ISO/IEC TS 27560 receipt), readable,
// with the JSON download beside it. Plain markup for the app proxy, like the other privacy pages.
import type { ConsentReceipt } from "~/domain/consent/consent-receipt";
import { formatDateTime } from "~/i18n/format-date";
import type { ShopperLocale } from "~/i18n/locale";
import { createShopperTranslator, type ShopperMessageKey } from "~/i18n/translate";
import { ProxyLayout } from "./privacy-centre-pages";

const card = { border: "1px solid #ccc", padding: "0.75rem 1rem", margin: "0 0 1rem" } as const;
const mono = { fontFamily: "monospace", wordBreak: "break-all", fontSize: "0.85em" } as const;
const table = { borderCollapse: "collapse", width: "100%", margin: "0.5rem 0" } as const;
const cell = {
  border: "1px solid #ddd",
  padding: "0.3rem 0.5rem",
  textAlign: "left",
  verticalAlign: "top",
} as const;

export function ConsentReceiptPage({
  locale,
  prefix,
  receipt,
  timeZone,
}: {
  locale: ShopperLocale;
  prefix: string;
  receipt: ConsentReceipt;
  timeZone: string;
}) {
  const t = createShopperTranslator(locale);
  const k = (key: string) => t(`consentReceipt.${key}` as ShopperMessageKey);
  const when = (instant: string | null) => formatDateTime(locale, instant, { length: "long", timeZone });
  const { ledger } = receipt;
  return (
    <ProxyLayout title={k("title")}>
      <p>{t("consentReceipt.intro", { shop: receipt.controller.name })}</p>
      <p>
        <a href={`${prefix}/receipt?format=json&locale=${locale}`} download data-testid="receipt-download">
          {k("download")}
        </a>
      </p>
      <dl>
        <dt>{k("controller")}</dt>
        <dd>
          {receipt.controller.name} ({receipt.controller.domain})
        </dd>
        {receipt.controller.contact && (
          <>
            <dt>{k("contact")}</dt>
            <dd>{receipt.controller.contact}</dd>
          </>
        )}
        <dt>{k("issuedAt")}</dt>
        <dd>{when(receipt.issuedAt)}</dd>
        <dt>{k("receiptId")}</dt>
        <dd style={mono}>{receipt.receiptId}</dd>
      </dl>
      {receipt.records.length === 0 && <p data-testid="receipt-none">{k("none")}</p>}
      {receipt.records.map((record) => (
        <section key={record.recordId} style={card} data-testid={`record-${record.purpose.id}`}>
          <h2>{record.purpose.title}</h2>
          <p>{record.purpose.description}</p>
          <dl>
            <dt>{k("state")}</dt>
            <dd data-testid="record-state">
              {k(`states.${record.state}`)}
              {record.since ? ` — ${k("since")} ${when(record.since)}` : ""}
            </dd>
            <dt>{k("legalBasis")}</dt>
            <dd>
              {k(`bases.${record.legalBasis.id}`)} ({record.legalBasis.citation})
            </dd>
            <dt>{k("method")}</dt>
            <dd>{k(`methods.${record.collection.method}`)}</dd>
            {record.collection.wording && (
              <>
                <dt>{k("wording")}</dt>
                <dd>
                  <q>{record.collection.wording}</q>
                </dd>
              </>
            )}
            {record.notice.version && (
              <>
                <dt>{k("noticeVersion")}</dt>
                <dd style={mono}>{record.notice.version}</dd>
              </>
            )}
            {record.notice.privacyNoticeVersion !== null && (
              <>
                <dt>{k("privacyNoticeVersion")}</dt>
                <dd>{record.notice.privacyNoticeVersion}</dd>
              </>
            )}
            {record.collection.region && (
              <>
                <dt>{k("region")}</dt>
                <dd>{record.collection.region}</dd>
              </>
            )}
            {record.collection.globalPrivacyControl !== null && (
              <>
                <dt>{k("gpc")}</dt>
                <dd>{k(record.collection.globalPrivacyControl ? "yes" : "no")}</dd>
              </>
            )}
            <dt>{k("processing")}</dt>
            <dd>{record.processing.map((term) => k(`processingTerms.${term}`)).join(", ")}</dd>
            <dt>{k("dataCategories")}</dt>
            <dd>{record.dataCategories.map((term) => k(`dataTerms.${term}`)).join(", ")}</dd>
            <dt>{k("recordId")}</dt>
            <dd style={mono}>{record.recordId}</dd>
          </dl>
          <table style={table}>
            <caption style={{ textAlign: "left", fontWeight: "bold" }}>{k("history")}</caption>
            <thead>
              <tr>
                <th scope="col" style={cell}>
                  {k("when")}
                </th>
                <th scope="col" style={cell}>
                  {k("eventType")}
                </th>
                <th scope="col" style={cell}>
                  {k("hash")}
                </th>
              </tr>
            </thead>
            <tbody>
              {record.events.map((event) => (
                <tr key={event.id}>
                  <td style={cell}>{when(event.occurredAt)}</td>
                  <td style={cell}>{k(`kinds.${event.type}`)}</td>
                  <td style={{ ...cell, ...mono }}>{event.hash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <h2>{k("ledgerTitle")}</h2>
      <p>{k("ledgerHelp")}</p>
      <p>
        {t("consentReceipt.head", { seq: ledger.head.seq })}
        <br />
        <span style={mono} data-testid="receipt-head">
          {ledger.head.hash}
        </span>
      </p>
      <p>
        {ledger.lastVerifiedAt
          ? `${t("consentReceipt.lastCheck", { date: when(ledger.lastVerifiedAt) })} — ${k(
              ledger.lastVerificationOk ? "lastCheckOk" : "lastCheckBroken",
            )}`
          : k("neverChecked")}
      </p>
    </ProxyLayout>
  );
}
