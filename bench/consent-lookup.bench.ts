// consent.lookup_ms: the current newsletter state of one shopper, found by e-mail, in a shop whose
// ledger holds 10 000 000 events (1 000 000 shoppers), through the same queries the app runs.
// Rows are written straight with the driver for speed; their hashes are not meaningful here (the
// lookup never reads the chain: it reads the derived, indexed state).
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { currentConsent } from "~/services/consent-ledger.server";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const SUBJECTS = EVENTS / 10;
const LOOKUPS = 2000;

const file = path.join(mkdtempSync(path.join(os.tmpdir(), "vigie-bench-ledger-")), "ledger.sqlite");
const url = `file:${file}`;
await migrate(url);
const raw = new Database(file);
raw.pragma("synchronous = OFF");
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const now = Date.now();
raw
  .prepare(`INSERT INTO "Shop" ("id", "domain", "updatedAt") VALUES ('shop', 'bench.myshopify.com', ?)`)
  .run(iso(now));
const insertSubject = raw.prepare(
  `INSERT INTO "Subject" ("id", "shopId", "email", "shopifyCustomerId", "updatedAt") VALUES (?, 'shop', ?, ?, ?)`,
);
const insertEvent = raw.prepare(
  `INSERT INTO "ConsentEvent" ("id", "shopId", "seq", "kind", "purpose", "lawfulBasis", "source", "occurredAt", "recordedAt",
     "commitment", "prevHash", "hash", "salt", "subjectId", "email", "wording", "noticeVersion", "wordingLocale")
   VALUES (?, 'shop', ?, ?, 'newsletter', 'consent', 'checkout', ?, ?, ?, ?, ?, ?, ?, ?, ?, '2022-10-31', 'fr')`,
);
const insertState = raw.prepare(
  `INSERT INTO "ConsentState" ("subjectId", "shopId", "purpose", "status", "lawfulBasis", "since", "lastEventId", "updatedAt")
   VALUES (?, 'shop', 'newsletter', ?, 'consent', ?, ?, ?)`,
);
// Random, but a handful reused: generating 40 million random values would dominate the setup.
const HEXES = Array.from({ length: 64 }, () => randomBytes(32).toString("hex"));
const hex = () => HEXES[Math.floor(Math.random() * HEXES.length)] as string;
const started = performance.now();
const fill = raw.transaction((from: number, to: number) => {
  for (let s = from; s < to; s++) {
    const subjectId = `subject-${s}`;
    insertSubject.run(subjectId, `shopper${s}@example.com`, String(100000 + s), iso(now));
    let last = "";
    for (let e = 0; e < 10; e++) {
      const seq = s * 10 + e + 1;
      last = `event-${seq}`;
      const at = iso(now - (10 - e) * 86_400_000);
      insertEvent.run(
        last,
        seq,
        e % 2 === 0 ? "granted" : "withdrawn",
        at,
        at,
        hex(),
        hex(),
        hex(),
        hex(),
        subjectId,
        `shopper${s}@example.com`,
        "Je souhaite recevoir les actualités de iméra par e-mail",
      );
    }
    insertState.run(subjectId, "unsubscribed", iso(now), last, iso(now));
  }
});
for (let s = 0; s < SUBJECTS; s += 10_000) fill(s, Math.min(SUBJECTS, s + 10_000));
raw.close();
const fillSeconds = (performance.now() - started) / 1000;

const { db } = await createDatabase(url);
/** What the admin and the privacy centre do: e-mail → subject → stored state. */
async function lookup(email: string) {
  const subject = await db.subject.findFirst({ where: { shopId: "shop", email }, select: { id: true } });
  return subject ? currentConsent(db, subject.id) : null;
}
for (let i = 0; i < 200; i++) await lookup(`shopper${i}@example.com`); // warm-up
const timings: number[] = [];
for (let i = 0; i < LOOKUPS; i++) {
  const s = Math.floor(Math.random() * SUBJECTS);
  const t0 = performance.now();
  const state = await lookup(`shopper${s}@example.com`);
  timings.push(performance.now() - t0);
  if (state?.status !== "unsubscribed") throw new Error("lookup returned the wrong state");
}
await db.$disconnect();
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] as number;
const p99 = timings[Math.floor(timings.length * 0.99)] as number;
console.log(
  JSON.stringify([
    {
      name: "consent.lookup_ms",
      value: Number(median.toFixed(3)),
      unit: "ms",
      target: "< 5",
      met: median < 5,
    },
    {
      name: "consent.lookup_p99_ms",
      value: Number(p99.toFixed(3)),
      unit: "ms",
      target: "< 20",
      met: p99 < 20,
    },
    {
      name: "consent.ledger_events",
      value: EVENTS,
      unit: "events",
      target: "10 000 000",
      met: EVENTS >= 10_000_000,
    },
    {
      name: "consent.ledger_fill_s",
      value: Number(fillSeconds.toFixed(1)),
      unit: "s",
      target: "setup only",
      met: true,
    },
  ]),
);
