// The sandbox's demo store: "iméra", a Paris shop whose published personal-data policy (dated
// 31.10.22) Vigie enforces. Created once; staff changes in the sandbox are kept.
import type { Db } from "~/db/client.server";
import { recordAudit } from "~/services/audit.server";
import type { ShopSettings } from "~/services/shop-settings.server";
import { upsertSubject } from "~/services/subjects.server";

export const DEMO_SETTINGS: ShopSettings = {
  dpoEmail: "contact@imera-paris.com",
  noticeVersion: "2022-10-31",
  retention: { customerYearsAfterLastOrder: 10, prospectYears: 3 },
};

// Fictional shoppers (example.* addresses never deliver).
const DEMO_SHOPPERS = [
  { customerId: 7001, email: "camille.martin@example.fr", locale: "fr" },
  { customerId: 7002, email: "lucas.bernard@example.fr", locale: "fr" },
  { customerId: 7003, email: "emma.thomas@example.com", locale: "en" },
  { customerId: null, email: "newsletter.only@example.fr", locale: "fr" },
];

export async function ensureDemoStore(db: Db, domain: string) {
  const existing = await db.shop.findUnique({ where: { domain }, select: { id: true } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.create({
      data: { domain, name: "iméra", locale: "fr", settings: JSON.stringify(DEMO_SETTINGS) },
      select: { id: true },
    });
    for (const shopper of DEMO_SHOPPERS) await upsertSubject(tx, shop.id, shopper);
    await recordAudit(tx, { shopId: shop.id, actorType: "system", action: "sandbox.created" });
    return shop;
  });
}
