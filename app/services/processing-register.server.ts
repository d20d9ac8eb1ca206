// The shop's record of processing (GDPR art. 30): drafted from its settings and connected systems,
// then edited and signed off by staff, every change kept (app/services/register-entries.server.ts).
import type { Db } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import {
  ActivityContentSchema,
  assertActivity,
  flattenForForm,
  unflattenForm,
} from "~/domain/processing/record";
import { ACTIVITY_DRAFTS, buildRegister, readActivity } from "~/domain/processing/register";
import { csvLine, neutraliseFormula } from "~/exports/csv";
import type { Locale } from "~/i18n/locale";
import {
  ensureEntries,
  entryWithHistory,
  listEntries,
  reviewEntry,
  saveEntry,
} from "./register-entries.server";
import { parseShopSettings } from "./shop-settings.server";

/** The shop's name, DPO contact, retention settings and connected systems. */
async function shopFacts(db: Db, shopId: string) {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: {
      name: true,
      domain: true,
      settings: true,
      // A connector counts once its credentials are saved and it is enabled.
      connectors: { where: { enabled: true, secrets: { not: null } }, select: { connector: true } },
    },
  });
  const settings = parseShopSettings(shop.settings);
  return {
    shopName: shop.name ?? shop.domain,
    settings,
    connected: new Set(shop.connectors.map(({ connector }) => connector)),
  };
}

/** Writes the draft activities the shop does not have yet, from its name and retention settings. */
export async function ensureActivities(db: Db, shopId: string) {
  const { shopName, settings } = await shopFacts(db, shopId);
  await ensureEntries(
    db,
    shopId,
    "activity",
    ACTIVITY_DRAFTS.map((draft) => ({
      key: draft.key,
      requires: draft.requires,
      content: draft.content({ shopName, retention: settings.retention }),
    })),
  );
}

/** The record in one language: the shop's activities as staff left them, those that apply. */
export async function registerForShop(db: Db, shopId: string, locale: Locale) {
  await ensureActivities(db, shopId);
  const { shopName, settings, connected } = await shopFacts(db, shopId);
  const activities = await listEntries(db, shopId, "activity", ActivityContentSchema);
  return buildRegister({
    shopName,
    contactEmail: settings.dpoEmail ?? null,
    activities,
    connected,
    locale,
  });
}

/** One activity as stored (both languages), with its history, for the edit page. */
export async function activityForEdit(db: Db, shopId: string, key: string, locale: Locale) {
  await ensureActivities(db, shopId);
  const entry = await entryWithHistory(db, shopId, "activity", key, ActivityContentSchema);
  return { entry, reading: readActivity(entry, locale) };
}

const BLANK_PURPOSE = { purpose: { fr: "", en: "" }, basis: "contract" };
const BLANK_PERIOD = { category: "other", months: "", clock: "collection", note: { fr: "", en: "" } };

/** The activity's edit page: its form values (one empty row more of each list, to add one), how it reads, its history. */
export async function activityPage(db: Db, shopId: string, key: string, locale: Locale) {
  const { entry, reading } = await activityForEdit(db, shopId, key, locale);
  return {
    key: entry.key,
    revision: entry.revision,
    purposeRows: entry.content.purposes.length + 1,
    periodRows: entry.content.retention.length + 1,
    values: flattenForForm({
      ...entry.content,
      purposes: [...entry.content.purposes, BLANK_PURPOSE],
      retention: [...entry.content.retention, BLANK_PERIOD],
    }),
    reading,
    changes: entry.changes.map((change) => ({ ...change, at: change.at.toISOString() })),
  };
}

/**
 * Staff's edit of an activity from its form (dotted names, both languages). Refuses with
 * REGISTER_ENTRY_INVALID naming the fields an art. 30 entry needs, REGISTER_ENTRY_STALE when
 * someone else saved it first. Returns the fields changed.
 */
export async function saveActivity(
  db: Db,
  shop: { id: string },
  staffId: string,
  key: string,
  form: Iterable<[string, unknown]>,
) {
  const raw = unflattenForm(form);
  const revision = Number(raw.revision);
  const parsed = ActivityContentSchema.safeParse({
    ...raw,
    purposes: raw.purposes ?? [],
    retention: raw.retention ?? [],
  });
  if (!parsed.success || !Number.isInteger(revision)) {
    throw new AppError(
      "REGISTER_ENTRY_INVALID",
      "activity form",
      parsed.success ? ["revision"] : parsed.error.issues.map((issue) => issue.path.join(".")),
    );
  }
  assertActivity(parsed.data);
  return saveEntry(db, shop, staffId, "activity", key, revision, parsed.data);
}

/** Staff sign off the activity's revision they read (art. 5(2)); it must be complete. */
export async function reviewActivity(
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
    "activity",
    key,
    revision,
    (content) => assertActivity(ActivityContentSchema.parse(content)),
    now,
  );
}

/**
 * The register as CSV (UTF-8 with BOM, one line per activity, each naming the controller and its
 * contact), with headings in `headings`' language.
 */
export function registerCsv(
  register: Awaited<ReturnType<typeof registerForShop>>,
  headings: {
    controller: string;
    contact: string;
    activity: string;
    purposes: string;
    subjects: string;
    data: string;
    recipients: string;
    transfers: string;
    retention: string;
    automated: string;
    security: string;
    reviewed: string;
  },
): string {
  const cells = (values: string[]) => csvLine(values.map(neutraliseFormula));
  return (
    `\uFEFF${cells(Object.values(headings))}` +
    register.activities
      .map((activity) =>
        cells([
          register.controller.name,
          register.controller.contactEmail ?? "",
          activity.name,
          activity.purposes.map(({ purpose, basis }) => `${purpose} (${basis})`).join(" ; "),
          activity.subjects,
          activity.data,
          activity.recipients,
          activity.transfers,
          activity.retention,
          activity.automatedDecision ?? "",
          activity.security,
          activity.review.state === "reviewed" ? `${activity.review.at} (${activity.review.by})` : "",
        ]),
      )
      .join("")
  );
}
