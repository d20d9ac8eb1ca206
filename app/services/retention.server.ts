// Who is past the shop's retention periods (policy §4; GDPR art. 5(1)(e)): counted in the database,
// the first ones listed with why, for staff to see before the sweeps erase them.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { OPEN_REQUEST_STATES, retentionCutoffs, retentionDue } from "~/domain/retention/retention-rules";
import { parseShopSettings } from "./shop-settings.server";

export async function retentionOverview(db: Db, shopId: string, now = new Date(), limit = 50) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  const policy = parseShopSettings(shop.settings).retention;
  const cutoffs = retentionCutoffs(now, policy);
  const noOpenRequest = { none: { state: { in: OPEN_REQUEST_STATES } } };
  // The same rules as retentionDue, as filters: last order for customers; for contacts who never
  // ordered, their sign-up, consent changes and requests all older than the cut-off.
  const customers: Prisma.SubjectWhereInput = {
    shopId,
    lastOrderAt: { lt: cutoffs.customers },
    requests: noOpenRequest,
  };
  const prospects: Prisma.SubjectWhereInput = {
    shopId,
    lastOrderAt: null,
    createdAt: { lt: cutoffs.prospects },
    consentStates: { none: { updatedAt: { gte: cutoffs.prospects } } },
    requests: {
      none: { OR: [{ state: { in: OPEN_REQUEST_STATES } }, { receivedAt: { gte: cutoffs.prospects } }] },
    },
  };
  const [customerCount, prospectCount, candidates] = await Promise.all([
    db.subject.count({ where: customers }),
    db.subject.count({ where: prospects }),
    db.subject.findMany({
      where: { OR: [customers, prospects] },
      // Customers first, oldest order first (databases differ on where nulls sort otherwise).
      orderBy: [{ lastOrderAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: limit,
      select: {
        id: true,
        email: true,
        shopifyCustomerId: true,
        createdAt: true,
        lastOrderAt: true,
        consentStates: { select: { updatedAt: true } },
        requests: { select: { receivedAt: true, state: true } },
      },
    }),
  ]);
  const due = candidates.flatMap((subject) => {
    const lastContactAt = new Date(
      Math.max(
        subject.createdAt.getTime(),
        ...subject.consentStates.map((state) => state.updatedAt.getTime()),
        ...subject.requests.map((request) => request.receivedAt.getTime()),
      ),
    );
    const openRequest = subject.requests.some((r) => (OPEN_REQUEST_STATES as string[]).includes(r.state));
    const reason = retentionDue({ lastOrderAt: subject.lastOrderAt, lastContactAt, openRequest }, cutoffs);
    return reason
      ? [
          {
            id: subject.id,
            email: subject.email,
            shopifyCustomerId: subject.shopifyCustomerId,
            reason,
            since: (reason === "customer" ? (subject.lastOrderAt as Date) : lastContactAt).toISOString(),
          },
        ]
      : [];
  });
  return { policy, counts: { customers: customerCount, prospects: prospectCount }, due };
}
