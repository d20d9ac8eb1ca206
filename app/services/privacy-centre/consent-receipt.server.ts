// Gathers a signed-in shopper's own consent records (the newsletter under their account, their
// tracker choices made while signed in) into an ISO/IEC TS 27560 receipt (GDPR art. 7(1), 15), and
// checks a receipt against the shop's chain as an authority would.
import type { Db } from "~/db/client.server";
import { CONSENT_PURPOSES, type ConsentPurpose, GENESIS_HASH, TRACKER_PURPOSES } from "~/domain/consent";
import {
  buildConsentReceipt,
  type ConsentReceipt,
  checkReceipt,
  type ReceiptCheck,
} from "~/domain/consent/consent-receipt";
import type { ShopperLocale } from "~/i18n/locale";
import { createShopperTranslator, type ShopperMessageKey } from "~/i18n/translate";
import { rowToEvent, verifyLedger } from "../consent-ledger.server";
import { parseShopSettings } from "../shop-settings.server";

/** Enough for years of choices; a receipt is not an export of the whole ledger. */
const MAX_EVENTS = 2000;

function purposeTexts(locale: ShopperLocale) {
  const t = createShopperTranslator(locale);
  return Object.fromEntries(
    CONSENT_PURPOSES.map((purpose) => {
      const key = purpose === "newsletter" ? "newsletter" : purpose.slice("tracking_".length);
      const base = purpose === "newsletter" ? "consentReceipt.purposes.newsletter" : `banner.purposes.${key}`;
      return [
        purpose,
        {
          title: t(`${base}.title` as ShopperMessageKey),
          description: t(`${base}.description` as ShopperMessageKey),
        },
      ];
    }),
  ) as Record<ConsentPurpose, { title: string; description: string }>;
}

/**
 * The receipt of the shopper the app proxy names by its signed `logged_in_customer_id` (never by
 * anything the browser sends). Pseudonymised events are not theirs any more and are left out.
 */
export async function shopperConsentReceipt(
  db: Db,
  shopId: string,
  shopifyCustomerId: string,
  locale: ShopperLocale,
  now = new Date(),
): Promise<ConsentReceipt> {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { id: true, name: true, domain: true, settings: true },
  });
  const subjects = await db.subject.findMany({
    where: { shopId, shopifyCustomerId },
    select: { id: true },
  });
  const rows = await db.consentEvent.findMany({
    where: {
      shopId,
      pseudonymised: false,
      OR: [
        ...(subjects.length > 0
          ? [{ subjectId: { in: subjects.map((s) => s.id) }, purpose: "newsletter" }]
          : []),
        { shopifyCustomerId, purpose: { in: [...TRACKER_PURPOSES] } },
      ],
    },
    orderBy: { seq: "desc" },
    take: MAX_EVENTS,
  });
  const head = await db.consentLedgerHead.findUnique({ where: { shopId } });
  const last = head?.lastVerification ? (JSON.parse(head.lastVerification) as { ok?: unknown }) : null;
  return buildConsentReceipt({
    shop: {
      id: shop.id,
      name: shop.name ?? shop.domain,
      domain: shop.domain,
      contact: parseShopSettings(shop.settings).dpoEmail ?? null,
    },
    shopifyCustomerId,
    events: rows.map(rowToEvent),
    head: {
      seq: head?.seq ?? 0,
      hash: head?.hash ?? GENESIS_HASH,
      lastVerifiedAt: head?.lastVerifiedAt?.toISOString() ?? null,
      lastVerificationOk: typeof last?.ok === "boolean" ? last.ok : null,
    },
    issuedAt: now,
    language: locale,
    purposeTexts: purposeTexts(locale),
  });
}

/**
 * What an authority does with a receipt: re-verify the shop's whole chain, then check that every
 * event of the receipt is the one the chain holds at its place, unchanged.
 */
export async function checkReceiptAgainstLedger(
  db: Db,
  shopId: string,
  receipt: ConsentReceipt,
): Promise<ReceiptCheck | { ok: false; reason: "ledger_broken"; seq: number }> {
  const ledger = await verifyLedger(db, shopId);
  if (!ledger.ok) return { ok: false, reason: "ledger_broken", seq: ledger.brokenAt.seq };
  const seqs = receipt.records.flatMap((record) => record.events.map((event) => event.seq));
  const rows = await db.consentEvent.findMany({
    where: { shopId, seq: { in: seqs } },
    select: { seq: true, hash: true },
  });
  return checkReceipt(receipt, new Map(rows.map((row) => [row.seq, row.hash])));
}
