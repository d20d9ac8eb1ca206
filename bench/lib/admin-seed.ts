// A large shop on PostgreSQL for the admin pages' bench: 1 000 000 subjects with their consent
// states, 10 000 000 ledger events, 100 000 requests and 1 000 000 audit entries, times
// BENCH_ADMIN_SCALE. Written set-based (generate_series) into the shop the sandbox created, after
// its own rows: seqs continue the shop's chains. Hashes are placeholders: no page verifies them.
import pg from "pg";

const DAY = "interval '1 day'";

/** Runs the seed; returns the row counts written and the seconds it took. */
export async function seedLargeShop(databaseUrl: string, shopDomain: string, scale: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const subjects = Math.round(1_000_000 * scale);
  const events = subjects * 10;
  const requests = Math.round(100_000 * scale);
  const audits = Math.round(1_000_000 * scale);
  try {
    const { rows } = await client.query(`SELECT "id" FROM "Shop" WHERE "domain" = $1`, [shopDomain]);
    const shopId = rows[0]?.id;
    if (!shopId) throw new Error(`no shop ${shopDomain}`);
    const next = async (table: string) =>
      Number(
        (
          await client.query(`SELECT COALESCE(MAX("seq"), 0) AS m FROM "${table}" WHERE "shopId" = $1`, [
            shopId,
          ])
        ).rows[0].m,
      );
    await client.query("SET synchronous_commit = off");
    // Subjects: 70 % customers, last order spread over 12 years (some past the 10-year period),
    // the rest contacts who never ordered, created over 5 years (some past the 3-year period).
    await client.query(
      `INSERT INTO "Subject" ("id", "shopId", "shopifyCustomerId", "email", "lastOrderAt", "orderCount", "createdAt", "updatedAt")
       SELECT 'bs-' || n, $1, (9000000 + n)::text, 'shopper' || n || '@example.com',
              CASE WHEN n % 10 < 7 THEN now() - ((n * 7919) % 4380) * ${DAY} END,
              CASE WHEN n % 10 < 7 THEN 1 + n % 5 END,
              now() - ((n * 104729) % 1825) * ${DAY}, now()
       FROM generate_series(1, $2::bigint) AS n`,
      [shopId, subjects],
    );
    await client.query(
      `INSERT INTO "ConsentState" ("subjectId", "shopId", "purpose", "status", "lawfulBasis", "since", "lastEventId", "updatedAt")
       SELECT 'bs-' || n, $1, 'newsletter', CASE WHEN n % 3 = 0 THEN 'unsubscribed' ELSE 'subscribed' END,
              'consent', now() - ((n * 31) % 1500) * ${DAY}, 'be-' || (n * 10), now() - ((n * 31) % 1500) * ${DAY}
       FROM generate_series(1, $2::bigint) AS n`,
      [shopId, subjects],
    );
    // Ledger: ten events per subject, in chain order, occurring over the last two years.
    const ledgerFrom = await next("ConsentEvent");
    const sources = `(ARRAY['checkout','checkout','checkout','banner','privacy_centre','staff','mailchimp','shopify'])`;
    const kinds = `(ARRAY['granted','withdrawn','granted','refused','confirmation_requested'])`;
    const chunk = 1_000_000;
    for (let from = 1; from <= events; from += chunk) {
      const to = Math.min(events, from + chunk - 1);
      await client.query(
        `INSERT INTO "ConsentEvent" ("id", "shopId", "seq", "kind", "purpose", "lawfulBasis", "source", "occurredAt", "recordedAt",
           "commitment", "prevHash", "hash", "salt", "subjectId", "email", "noticeVersion", "wordingLocale")
         SELECT 'be-' || n, $1, $2::int + n, ${kinds}[1 + n % 5], 'newsletter', 'consent', ${sources}[1 + (n / 10) % 8],
                t, t, md5(n::text), md5((n - 1)::text), md5(n::text), md5(n::text),
                'bs-' || (1 + (n - 1) / 10), 'shopper' || (1 + (n - 1) / 10) || '@example.com', '2022-10-31', 'fr'
         FROM generate_series($3::bigint, $4::bigint) AS n,
              LATERAL (SELECT now() - interval '730 days' + (n::float8 / $5::int) * interval '730 days' AS t) AS at`,
        [shopId, ledgerFrom, from, to, events],
      );
    }
    await client.query(`UPDATE "ConsentLedgerHead" SET "seq" = $2 WHERE "shopId" = $1`, [
      shopId,
      ledgerFrom + events,
    ]);
    // Requests: over three years, 2 % still open; due dates one month after receipt.
    const types = `(ARRAY['access','erasure','rectification','object_to_marketing','portability','withdraw_consent'])`;
    const closed = `(ARRAY['answered','answered','refused','withdrawn','closed_unverified'])`;
    const open = `(ARRAY['received','identity_check','in_progress'])`;
    await client.query(
      `INSERT INTO "RightsRequest" ("id", "shopId", "subjectId", "reference", "type", "channel", "state", "requesterEmail",
         "requesterEmailKey", "locale", "receivedAt", "identityLevel", "closedAt", "dueOn", "createdAt", "updatedAt")
       SELECT 'br-' || n, $1, 'bs-' || (1 + (n * 7) % $3::int), 'B-' || lpad(n::text, 7, '0'), ${types}[1 + n % 6], 'privacy_centre',
              CASE WHEN n % 50 = 0 THEN ${open}[1 + n % 3] ELSE ${closed}[1 + n % 5] END,
              'shopper' || (1 + (n * 7) % $3::int) || '@example.com', 'shopper' || (1 + (n * 7) % $3::int) || '@example.com',
              'fr', r, 'email_link', CASE WHEN n % 50 <> 0 THEN r + interval '10 days' END,
              to_char(r + interval '1 month', 'YYYY-MM-DD'), r, r
       FROM generate_series(1, $2::bigint) AS n,
            LATERAL (SELECT now() - interval '1095 days' + (n::float8 / $2::int) * interval '1095 days' AS r) AS at`,
      [shopId, requests, subjects],
    );
    // Audit log: a million entries over three years, most about requests and consents.
    const auditFrom = await next("AuditEvent");
    const actions = `(ARRAY['request.created','request.state_changed','consent.withdrawn.staff','export.completed','identity.verified','request.answered'])`;
    const actors = `(ARRAY['system','staff','shopper','shopify'])`;
    await client.query(
      `INSERT INTO "AuditEvent" ("id", "shopId", "actorType", "actorId", "action", "targetType", "targetId", "data", "createdAt",
         "seq", "prevHash", "hash", "targetCommitment", "targetSalt")
       SELECT 'ba-' || n, $1, ${actors}[1 + n % 4], CASE WHEN n % 4 = 1 THEN 'staff-' || n % 5 END, ${actions}[1 + n % 6],
              'request', 'br-' || (1 + n % $4::int), '{}',
              now() - interval '1095 days' + (n::float8 / $3::int) * interval '1095 days',
              $2::int + n, md5((n - 1)::text), md5(n::text), md5(n::text), md5(n::text)
       FROM generate_series(1, $3::bigint) AS n`,
      [shopId, auditFrom, audits, requests],
    );
    await client.query(`UPDATE "AuditChainHead" SET "seq" = $2 WHERE "shopId" = $1`, [
      shopId,
      auditFrom + audits,
    ]);
    // As autovacuum leaves a shop with years of history: visibility maps set (index-only counts
    // read no table), statistics current.
    await client.query("VACUUM (ANALYZE)");
    // The seed's and the vacuum's pages written out now, not by a checkpoint spread over the minutes
    // the pages are timed in (it doubled their medians).
    await client.query("CHECKPOINT");
    return { shopId, subjects, events, requests, audits, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
