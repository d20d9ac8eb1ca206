// The register of processors and other recipients, with transfers outside the EEA (GDPR art. 28,
// 30(1)(d)–(e), 44–46): drafted from the reference policy, edited and confirmed by staff, each change
// kept (app/services/register-entries.server.ts).
import type { Db } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import {
  assertConfirmable,
  assertProcessor,
  PROCESSOR_DRAFTS,
  ProcessorContentSchema,
  readProcessor,
} from "~/domain/processing/processors";
import { flattenForForm, unflattenForm } from "~/domain/processing/record";
import type { Locale } from "~/i18n/locale";
import {
  ensureEntries,
  entryWithHistory,
  listEntries,
  reviewEntry,
  saveEntry,
} from "./register-entries.server";

export async function ensureProcessors(db: Db, shopId: string) {
  await ensureEntries(db, shopId, "processor", PROCESSOR_DRAFTS);
}

/** The shop's recipients in one language; Stripe's and Mailchimp's once those systems are connected. */
export async function processorsForShop(db: Db, shopId: string, locale: Locale) {
  await ensureProcessors(db, shopId);
  const connected = new Set(
    (
      await db.connectorSetting.findMany({
        where: { shopId, enabled: true, secrets: { not: null } },
        select: { connector: true },
      })
    ).map(({ connector }) => connector),
  );
  const entries = await listEntries(db, shopId, "processor", ProcessorContentSchema);
  return entries
    .filter((entry) => !entry.requires || connected.has(entry.requires))
    .map((entry) => readProcessor(entry, locale));
}

export async function processorForEdit(db: Db, shopId: string, key: string, locale: Locale) {
  await ensureProcessors(db, shopId);
  const entry = await entryWithHistory(db, shopId, "processor", key, ProcessorContentSchema);
  return { entry, reading: readProcessor(entry, locale) };
}

const BLANK_TRANSFER = { destination: { fr: "", en: "" }, mechanism: "unknown", detail: { fr: "", en: "" } };

/** The recipient's edit page: its form values (one empty transfer row more, to add one), how it reads, its history. */
export async function processorPage(db: Db, shopId: string, key: string, locale: Locale) {
  const { entry, reading } = await processorForEdit(db, shopId, key, locale);
  return {
    revision: entry.revision,
    transferRows: entry.content.transfers.length + 1,
    values: flattenForForm({ ...entry.content, transfers: [...entry.content.transfers, BLANK_TRANSFER] }),
    reading,
    changes: entry.changes.map((change) => ({ ...change, at: change.at.toISOString() })),
  };
}

/** Staff's edit of a recipient from its form; same refusals as an activity's. */
export async function saveProcessor(
  db: Db,
  shop: { id: string },
  staffId: string,
  key: string,
  form: Iterable<[string, unknown]>,
) {
  const raw = unflattenForm(form);
  const revision = Number(raw.revision);
  const parsed = ProcessorContentSchema.safeParse({ ...raw, transfers: raw.transfers ?? [] });
  if (!parsed.success || !Number.isInteger(revision)) {
    throw new AppError(
      "REGISTER_ENTRY_INVALID",
      "recipient form",
      parsed.success ? ["revision"] : parsed.error.issues.map((issue) => issue.path.join(".")),
    );
  }
  assertProcessor(parsed.data);
  return saveEntry(db, shop, staffId, "processor", key, revision, parsed.data);
}

/**
 * Staff confirm the recipient's version they read: its contract (art. 28(3)) and every transfer's
 * safeguard (art. 44–46) checked. Until then it reads "to confirm".
 */
export async function confirmProcessor(
  db: Db,
  shop: { id: string },
  staffId: string,
  key: string,
  revision: number,
  now = new Date(),
) {
  await reviewEntry(
    db,
    shop,
    staffId,
    "processor",
    key,
    revision,
    (content) => assertConfirmable(ProcessorContentSchema.parse(content)),
    now,
  );
}
