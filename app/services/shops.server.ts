import type { Tx } from "~/db/client.server";

/** The shop row for a domain, created on first sight (a webhook may precede any admin visit). */
export async function ensureShop(tx: Tx, domain: string) {
  return tx.shop.upsert({
    where: { domain },
    create: { domain },
    update: {},
    select: { id: true, domain: true, state: true, locale: true },
  });
}

/** Records an install or a reinstall. */
export async function markShopInstalled(tx: Tx, domain: string, now = new Date()) {
  return tx.shop.upsert({
    where: { domain },
    create: { domain, installedAt: now },
    update: { state: "installed", installedAt: now, uninstalledAt: null },
    select: { id: true },
  });
}
