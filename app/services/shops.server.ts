import { createHmac, randomUUID } from "node:crypto";
import type { Db, Tx } from "~/db/client.server";

/**
 * The shop row for a domain, created on first sight (a webhook may precede any admin visit). Two
 * first deliveries of a shop processed at once (two workers) both insert: ON CONFLICT makes the
 * second wait for the first and do nothing, where an upsert failed on the unique domain and only
 * healed on the job's retry (on PostgreSQL it also aborted the caller's transaction).
 */
export async function ensureShop(tx: Tx, domain: string) {
  const now = new Date();
  await tx.$executeRaw`
    INSERT INTO "Shop" ("id", "domain", "installedAt", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${domain}, ${now}, ${now}, ${now})
    ON CONFLICT ("domain") DO NOTHING`;
  return tx.shop.findUniqueOrThrow({
    where: { domain },
    select: { id: true, domain: true, state: true, locale: true },
  });
}

/** Forgets that shop/redact purged this shop: its deliveries count again. */
export async function clearShopPurged(tx: Tx, key: Buffer, domain: string) {
  await tx.purgedShop.deleteMany({ where: { domainDigest: purgedShopDigest(key, domain) } });
}

/** Records an install or a reinstall: a shop purged earlier is welcome again. */
export async function markShopInstalled(tx: Tx, key: Buffer, domain: string, now = new Date()) {
  await clearShopPurged(tx, key, domain);
  return tx.shop.upsert({
    where: { domain },
    create: { domain, installedAt: now },
    update: { state: "installed", installedAt: now, uninstalledAt: null },
    select: { id: true },
  });
}

/**
 * What is kept of a purged shop: a keyed digest of its domain. Shop domains are easily guessed, so
 * a plain hash would name the shop to anyone holding the database.
 */
function purgedShopDigest(key: Buffer, domain: string) {
  return createHmac("sha256", key).update(`purged-shop:${domain.toLowerCase()}`).digest("hex");
}

/** Remembers that shop/redact deleted this shop's data. */
export async function markShopPurged(tx: Tx, key: Buffer, domain: string, now = new Date()) {
  const domainDigest = purgedShopDigest(key, domain);
  await tx.purgedShop.upsert({
    where: { domainDigest },
    create: { domainDigest, purgedAt: now },
    update: { purgedAt: now },
  });
}

/** True when shop/redact deleted this shop's data and the shop has not been installed since. */
export async function isShopPurged(db: Db | Tx, key: Buffer, domain: string) {
  const found = await db.purgedShop.findUnique({ where: { domainDigest: purgedShopDigest(key, domain) } });
  return found !== null;
}
