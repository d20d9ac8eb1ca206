// The requests list: search by e-mail or reference, filters by type, state and due date, newest
// first in keyset pages (docs/decisions/056). Every query is the shop's and uses an index.

import type { Prisma } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { addDays, toLocalDate } from "~/domain/deadlines/local-date";
import { prefixFilter } from "../prefix-search";
import { restrictedAmong } from "../restriction/restrictions.server";
import { shopTimeZone } from "../shop-settings.server";
import { PAGE_SIZE, type RequestListQuery } from "./queue-filters";
import { requestDeadline, requestDeadlineStatus, syncRequestClock } from "./request-record.server";

const OPEN_STATES = ["received", "identity_check", "in_progress"];
/** Requests filed before the derived due date existed get it on the first read of the list. */
const FILL_BATCH = 200;

type Cursor = { at: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at.getTime()}.${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  const text = Buffer.from(value, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match) return null;
  return { at: new Date(Number(match[1])), id: match[2] as string };
}

/**
 * Subjects matching an e-mail prefix are looked up first, on (shopId, email), and their requests
 * found by subjectId: a filter through the relation would be tested on every request of the shop.
 * Past this many subjects (a prefix like "a"), the relation filter is kept: the matches are dense.
 */
const SUBJECT_MATCHES = 500;

/**
 * What the search box matches: an e-mail (exact, or a prefix of at least 2 characters) on the
 * lower-cased copy kept on the request or on its subject's normalised address; a reference
 * (R-2026-…) by prefix. Never a scan: every column is indexed with the shop (docs/decisions/086).
 */
export async function searchWhere(
  db: Db,
  shopId: string,
  q: string | undefined,
): Promise<Prisma.RightsRequestWhereInput> {
  const text = q?.trim().toLowerCase();
  if (!text) return {};
  const reference = text.toUpperCase();
  if (text.length < 2) return { OR: [{ reference }, { requesterEmailKey: text }] };
  const subjects = await db.subject.findMany({
    where: { shopId, email: prefixFilter(text) },
    orderBy: { email: "asc" },
    take: SUBJECT_MATCHES + 1,
    select: { id: true },
  });
  const byEmail: Prisma.RightsRequestWhereInput[] = [
    { requesterEmailKey: prefixFilter(text) },
    subjects.length > SUBJECT_MATCHES
      ? { subject: { email: prefixFilter(text) } }
      : { subjectId: { in: subjects.map((subject) => subject.id) } },
  ];
  if (text.includes("@")) return { OR: byEmail };
  return { OR: [{ reference: prefixFilter(reference) }, ...byEmail] };
}

function stateWhere(state: RequestListQuery["state"]): Prisma.RightsRequestWhereInput {
  if (state === "all") return {};
  if (state === "open") return { closedAt: null };
  if (state === "closed") return { closedAt: { not: null } };
  return { state };
}

/** Due filters in the shop's calendar: `today` is its local day (docs/decisions/037). */
export function dueWhere(due: RequestListQuery["due"], today: string): Prisma.RightsRequestWhereInput {
  if (!due) return {};
  const running = { closedAt: null, clockPaused: false };
  const inAWeek = addDays(today as never, 7);
  switch (due) {
    case "overdue":
      return { ...running, dueOn: { lt: today } };
    case "due_soon":
      return { ...running, dueOn: { gte: today, lte: inAWeek } };
    case "later":
      return { ...running, dueOn: { gt: inAWeek } };
    case "paused":
      return { closedAt: null, clockPaused: true };
  }
}

/** Fills the derived due date of the shop's requests that have none yet (filed before it existed). */
export async function fillMissingClocks(db: Db, shopId: string, now = new Date()) {
  const missing = await db.rightsRequest.findMany({
    where: { shopId, closedAt: null, dueOn: null, state: { in: OPEN_STATES } },
    select: { id: true },
    take: FILL_BATCH,
  });
  for (const { id } of missing) await db.$transaction((tx) => syncRequestClock(tx, id, now));
  return missing.length;
}

/** One page of the shop's requests matching `query`, newest received first; `next` is the cursor after it. */
export async function searchRequests(db: Db, shopId: string, query: RequestListQuery, now = new Date()) {
  await fillMissingClocks(db, shopId, now);
  const today = toLocalDate(now, await shopTimeZone(db, shopId));
  const cursor = decodeCursor(query.after);
  const where: Prisma.RightsRequestWhereInput = {
    AND: [
      { shopId },
      await searchWhere(db, shopId, query.q),
      query.type ? { type: query.type } : {},
      stateWhere(query.state),
      dueWhere(query.due, today),
      cursor
        ? { OR: [{ receivedAt: { lt: cursor.at } }, { receivedAt: cursor.at, id: { lt: cursor.id } }] }
        : {},
    ],
  };
  const rows = await db.rightsRequest.findMany({
    where,
    include: { pauses: true, subject: { select: { email: true } } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  // GDPR art. 18: whose processing is restricted, shown as a badge beside their requests.
  const subjectIds = [...new Set(page.flatMap((row) => (row.subjectId ? [row.subjectId] : [])))];
  const restricted = await restrictedAmong(db, shopId, subjectIds);
  return {
    today,
    next: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
    requests: page.map((row) => {
      const deadline = requestDeadline(row, now);
      const status = requestDeadlineStatus(row, now);
      return {
        id: row.id,
        reference: row.reference,
        type: row.type,
        state: row.state,
        channel: row.channel,
        requesterEmail: row.requesterEmail ?? row.subject?.email ?? null,
        receivedAt: row.receivedAt.toISOString(),
        receivedOn: deadline.receivedOn,
        dueDate: deadline.dueDate,
        deadline: status?.status ?? "closed",
        daysLeft: status?.daysLeft ?? null,
        restricted: row.subjectId !== null && restricted.has(row.subjectId),
      };
    }),
  };
}
