// The register of personal-data breaches (GDPR art. 33(5)): staff record each breach, edit it, and
// record the decisions of art. 33(1) (notify the CNIL?) and art. 34(1) (inform the people?) with
// their reasoning, the notification itself and the closing. Every change is kept in the breach's
// history (BreachChange) and audited.
import type { Db, Tx } from "~/db/client.server";
import {
  assertClosable,
  assertRecordable,
  type BreachFacts,
  BreachFactsSchema,
  DecisionSchema,
} from "~/domain/breaches/breach";
import { assertNotificationRecord, breachClock } from "~/domain/breaches/clock";
import { localDateTimeToInstant, toLocalDateTime } from "~/domain/deadlines/local-date";
import { AppError } from "~/domain/errors";
import { changedFields, flattenForForm, unflattenForm } from "~/domain/processing/record";
import { recordAudit } from "../audit.server";
import { parseShopSettings, shopTimeZone } from "../shop-settings.server";

type ShopRef = { id: string };

/** "VIOL-3": how staff and the people told refer to a breach. */
export const breachReference = (number: number) => `VIOL-${number}`;

const BREACH_SELECT = {
  id: true,
  number: true,
  facts: true,
  awareAt: true,
  occurredAt: true,
  state: true,
  notificationRequired: true,
  notificationReasoning: true,
  notifiedAt: true,
  cnilReference: true,
  delayReasons: true,
  informRequired: true,
  informReasoning: true,
  noticeAudience: true,
  noticeStatus: true,
  noticeTotal: true,
  noticeStartedAt: true,
  noticeStartedBy: true,
  noticeDoneAt: true,
  closedAt: true,
  revision: true,
  createdAt: true,
} as const;

type BreachRow = Awaited<ReturnType<typeof loadBreach>>;

/** What the history keeps of a breach after each change: its facts, dates and decisions. */
function snapshotOf(row: Record<string, unknown>) {
  const { facts, ...rest } = row;
  const plain = Object.fromEntries(
    Object.entries(rest)
      .filter(([key]) => !["id", "number", "revision", "createdAt"].includes(key))
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
  return { ...(typeof facts === "string" ? JSON.parse(facts) : {}), ...plain };
}

async function loadBreach(tx: Tx | Db, shopId: string, id: string) {
  const row = await tx.breach.findFirst({ where: { id, shopId }, select: BREACH_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `no breach ${id}`);
  return row;
}

/**
 * Applies `data` to the breach if it is still at `revision` (of two changes of one version, one
 * wins), with its history entry (the fields that changed) and its audit event.
 */
export async function applyBreachChange(
  tx: Tx,
  shop: ShopRef,
  actor: { type: "staff" | "system"; id: string | null },
  before: BreachRow,
  action: string,
  data: Record<string, unknown>,
  now = new Date(),
) {
  const updated = await tx.breach.updateMany({
    where: { id: before.id, shopId: shop.id, revision: before.revision },
    data: { ...data, revision: before.revision + 1 },
  });
  if (updated.count !== 1)
    throw new AppError("REGISTER_ENTRY_STALE", `breach ${before.id} changed meanwhile`);
  const after = await loadBreach(tx, shop.id, before.id);
  const content = snapshotOf(after);
  const fields = changedFields(snapshotOf(before), content);
  await tx.breachChange.create({
    data: {
      breachId: before.id,
      shopId: shop.id,
      revision: after.revision,
      action,
      fields: JSON.stringify(fields),
      content: JSON.stringify(content),
      actorType: actor.type,
      actorId: actor.id,
      at: now,
    },
  });
  await recordAudit(tx, {
    shopId: shop.id,
    actorType: actor.type,
    actorId: actor.id,
    action: `breach.${action}`,
    targetType: "breach",
    targetId: before.id,
    data: { number: before.number, revision: after.revision },
  });
  return { after, fields };
}

function parseFacts(raw: Record<string, unknown>): BreachFacts {
  const parsed = BreachFactsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      "REGISTER_ENTRY_INVALID",
      "breach form",
      parsed.error.issues.map((issue) => issue.path.join(".")),
    );
  }
  assertRecordable(parsed.data);
  return parsed.data;
}

/** The awareness and occurrence times of a form, read in the shop's zone; not in the future. */
function parseTimes(raw: Record<string, unknown>, timeZone: string, now: Date) {
  const instant = (name: string) => {
    const value = raw[name];
    if (typeof value !== "string" || !value) return null;
    try {
      return localDateTimeToInstant(value, timeZone);
    } catch {
      throw new AppError("REGISTER_ENTRY_INVALID", `bad ${name}`, [name]);
    }
  };
  const awareAt = instant("awareAt");
  if (!awareAt) throw new AppError("REGISTER_ENTRY_INVALID", "awareAt required", ["awareAt"]);
  const occurredAt = instant("occurredAt");
  if (awareAt > now || (occurredAt && occurredAt > now)) {
    throw new AppError("BREACH_AWARE_IN_FUTURE", "a breach time after now", ["awareAt"]);
  }
  return { awareAt, occurredAt };
}

/** Staff record a breach from its form (fields named as BreachFactsSchema, times as datetime-local). */
export async function recordBreach(
  db: Db,
  shop: ShopRef,
  staffId: string,
  form: Iterable<[string, unknown]>,
  now = new Date(),
) {
  const raw = unflattenForm(form);
  const facts = parseFacts(raw);
  const { awareAt, occurredAt } = parseTimes(raw, await shopTimeZone(db, shop.id), now);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.breach.findFirst({
          where: { shopId: shop.id },
          orderBy: { number: "desc" },
          select: { number: true },
        });
        const breach = await tx.breach.create({
          data: {
            shopId: shop.id,
            number: (last?.number ?? 0) + 1,
            facts: JSON.stringify(facts),
            awareAt,
            occurredAt,
            createdAt: now,
          },
          select: BREACH_SELECT,
        });
        await tx.breachChange.create({
          data: {
            breachId: breach.id,
            shopId: shop.id,
            revision: 1,
            action: "recorded",
            content: JSON.stringify(snapshotOf(breach)),
            actorType: "staff",
            actorId: staffId,
            at: now,
          },
        });
        await recordAudit(tx, {
          shopId: shop.id,
          actorType: "staff",
          actorId: staffId,
          action: "breach.recorded",
          targetType: "breach",
          targetId: breach.id,
          data: { number: breach.number },
        });
        return { id: breach.id, number: breach.number };
      });
    } catch (error) {
      // Two breaches recorded at once took the same number: the second takes the next one.
      if ((error as { code?: string })?.code !== "P2002" || attempt >= 3) throw error;
    }
  }
}

/** Staff's edit of the facts and times of the version they saw (`revision` in the form). */
export async function editBreach(
  db: Db,
  shop: ShopRef,
  staffId: string,
  id: string,
  form: Iterable<[string, unknown]>,
  now = new Date(),
) {
  const raw = unflattenForm(form);
  const revision = Number(raw.revision);
  if (!Number.isInteger(revision)) throw new AppError("REGISTER_ENTRY_INVALID", "revision", ["revision"]);
  const facts = parseFacts(raw);
  const { awareAt, occurredAt } = parseTimes(raw, await shopTimeZone(db, shop.id), now);
  return db.$transaction(async (tx) => {
    const before = await loadBreach(tx, shop.id, id);
    if (before.state === "closed") throw new AppError("BREACH_CLOSED", "closed breach");
    if (before.revision !== revision) throw new AppError("REGISTER_ENTRY_STALE", "breach changed meanwhile");
    const same =
      before.facts === JSON.stringify(facts) &&
      before.awareAt.getTime() === awareAt.getTime() &&
      (before.occurredAt?.getTime() ?? null) === (occurredAt?.getTime() ?? null);
    if (same) return [];
    const { fields } = await applyBreachChange(
      tx,
      shop,
      { type: "staff", id: staffId },
      before,
      "edited",
      { facts: JSON.stringify(facts), awareAt, occurredAt },
      now,
    );
    return fields;
  });
}

/** GDPR art. 33(1): notify the CNIL, or not ("unlikely to result in a risk"), and why. */
export async function decideNotification(
  db: Db,
  shop: ShopRef,
  staffId: string,
  id: string,
  input: { required: string; reasoning: string },
  now = new Date(),
) {
  const decision = DecisionSchema.safeParse(input);
  if (!decision.success) throw new AppError("REGISTER_ENTRY_INVALID", "decision", ["reasoning"]);
  await db.$transaction(async (tx) => {
    const before = await loadBreach(tx, shop.id, id);
    if (before.state !== "open") throw new AppError("ILLEGAL_TRANSITION", "breach not open");
    await applyBreachChange(
      tx,
      shop,
      { type: "staff", id: staffId },
      before,
      "decided_notification",
      { notificationRequired: decision.data.required, notificationReasoning: decision.data.reasoning },
      now,
    );
  });
}

/**
 * The notification made to the CNIL: when (the shop's wall-clock time), its reference, and, after
 * the 72 hours, the reasons for the delay (art. 33(1)).
 */
export async function recordNotification(
  db: Db,
  shop: ShopRef,
  staffId: string,
  id: string,
  input: { notifiedAt: string; cnilReference: string; delayReasons?: string },
  now = new Date(),
) {
  let notifiedAt: Date;
  try {
    notifiedAt = localDateTimeToInstant(input.notifiedAt, await shopTimeZone(db, shop.id));
  } catch {
    throw new AppError("REGISTER_ENTRY_INVALID", "notifiedAt", ["notifiedAt"]);
  }
  const cnilReference = input.cnilReference.trim().slice(0, 100);
  if (!cnilReference) throw new AppError("REGISTER_ENTRY_INVALID", "cnilReference", ["cnilReference"]);
  const delayReasons = input.delayReasons?.trim().slice(0, 5_000) || null;
  await db.$transaction(async (tx) => {
    const before = await loadBreach(tx, shop.id, id);
    if (before.state !== "open") throw new AppError("ILLEGAL_TRANSITION", "breach not open");
    if (before.notificationRequired === null) throw new AppError("BREACH_DECISION_REQUIRED", "no decision");
    assertNotificationRecord({ awareAt: before.awareAt, notifiedAt, delayReasons, now });
    await applyBreachChange(
      tx,
      shop,
      { type: "staff", id: staffId },
      before,
      "notified",
      { state: "notified", notifiedAt, cnilReference, delayReasons, notificationRequired: true },
      now,
    );
  });
}

/** GDPR art. 34(1): inform the people affected (high risk), or not, and why (art. 34(3) exceptions). */
export async function decideInformation(
  db: Db,
  shop: ShopRef,
  staffId: string,
  id: string,
  input: { required: string; reasoning: string },
  now = new Date(),
) {
  const decision = DecisionSchema.safeParse(input);
  if (!decision.success) throw new AppError("REGISTER_ENTRY_INVALID", "decision", ["informReasoning"]);
  await db.$transaction(async (tx) => {
    const before = await loadBreach(tx, shop.id, id);
    if (before.state === "closed") throw new AppError("BREACH_CLOSED", "closed breach");
    if (before.noticeStatus) throw new AppError("BREACH_NOTICE_ALREADY_SENT", "notice already started");
    await applyBreachChange(
      tx,
      shop,
      { type: "staff", id: staffId },
      before,
      "decided_information",
      { informRequired: decision.data.required, informReasoning: decision.data.reasoning },
      now,
    );
  });
}

export async function closeBreach(db: Db, shop: ShopRef, staffId: string, id: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const before = await loadBreach(tx, shop.id, id);
    assertClosable(before);
    await applyBreachChange(
      tx,
      shop,
      { type: "staff", id: staffId },
      before,
      "closed",
      { state: "closed", closedAt: now },
      now,
    );
  });
}

/** The register's page: the shop's breaches, newest first, each with its clock at `now`. */
export async function breachRegister(db: Db, shopId: string, now = new Date()) {
  return { breaches: await listBreaches(db, shopId, now), timeZone: await shopTimeZone(db, shopId) };
}

/** The shop's breaches, newest first, each with its clock at `now`. */
export async function listBreaches(db: Db, shopId: string, now = new Date()) {
  const rows = await db.breach.findMany({
    where: { shopId },
    orderBy: { number: "desc" },
    take: 500,
    select: BREACH_SELECT,
  });
  return rows.map((row) => ({
    id: row.id,
    reference: breachReference(row.number),
    title: BreachFactsSchema.parse(JSON.parse(row.facts)).title,
    state: row.state,
    awareAt: row.awareAt.toISOString(),
    clock: clockOf(row, now),
  }));
}

function clockOf(row: BreachRow, now: Date) {
  const clock = breachClock({
    awareAt: row.awareAt,
    now,
    notifiedAt: row.notifiedAt,
    notificationRequired: row.notificationRequired,
  });
  return { status: clock.status, deadline: clock.deadline.toISOString(), msLeft: clock.msLeft };
}

/** One breach for its page: facts, clock, decisions, the notice's progress and the history. */
export async function breachDetail(db: Db, shopId: string, id: string, now = new Date()) {
  const row = await loadBreach(db, shopId, id);
  const [changes, queued, delivered, timeZone] = await Promise.all([
    db.breachChange.findMany({
      where: { breachId: id, shopId },
      orderBy: [{ revision: "desc" }, { at: "desc" }],
      select: {
        id: true,
        revision: true,
        action: true,
        fields: true,
        actorType: true,
        actorId: true,
        at: true,
      },
    }),
    db.breachRecipient.count({ where: { breachId: id, emailId: { not: null } } }),
    db.breachRecipient.count({
      where: { breachId: id, outboxEmail: { status: { in: ["sent", "outbox"] } } },
    }),
    shopTimeZone(db, shopId),
  ]);
  const facts = BreachFactsSchema.parse(JSON.parse(row.facts));
  return {
    ...row,
    reference: breachReference(row.number),
    facts,
    /** The facts form's values: dotted names, times on the shop's wall clock. */
    form: {
      ...flattenForForm(facts),
      awareAt: toLocalDateTime(row.awareAt, timeZone),
      occurredAt: row.occurredAt ? toLocalDateTime(row.occurredAt, timeZone) : "",
    },
    /** Now on the shop's wall clock (the notification form's default). */
    nowLocal: toLocalDateTime(now, timeZone),
    clock: clockOf(row, now),
    timeZone,
    notice: { status: row.noticeStatus, total: row.noticeTotal, queued, delivered },
    changes: changes.map((change) => ({ ...change, fields: JSON.parse(change.fields) as string[] })),
  };
}

/** What the form to record a breach starts from: the shop's zone, its DPO address, now there. */
export async function newBreachDefaults(db: Db, shopId: string, now = new Date()) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  const settings = parseShopSettings(shop.settings);
  return {
    timeZone: settings.timeZone,
    dpoContact: settings.dpoEmail ?? "",
    now: toLocalDateTime(now, settings.timeZone),
  };
}
