// The legal clock through the built server (sandbox): the new-request form offers and accepts the
// shop's today in the shop's time zone (docs/decisions/037); at boot, open requests paused under
// the old rule are recomputed, audited, and the request page says why the clock stands still or
// runs, in English and in French (docs/decisions/036).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { SANDBOX_SHOP } from "../support/app-proxy";
import { eventually, type RunningServer, startServer } from "../support/server";

/** Kiritimati is UTC+14: its today is never the UTC date before noon UTC the old form compared with. */
const FAR_ZONE = "Pacific/Kiritimati";

function todayIn(zone: string) {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

describe("the request clock on the admin pages", () => {
  let server: RunningServer;
  let db: Db;
  let shopId: string;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${server.dataDir}/vigie.sqlite`)).db;
    shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
    // The sandbox's start reads the shop's zone from Shopify in a job (docs/decisions/065): a zone
    // set here before that job ran would be overwritten by it.
    await eventually(async () => {
      const jobs = await db.job.findMany({ where: { type: "shop.time-zone" }, select: { status: true } });
      return jobs.length > 0 && jobs.every((job) => job.status === "succeeded");
    });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  const page = async (path: string, locale: "en" | "fr") =>
    (await fetch(`${server.baseUrl}${path}${path.includes("?") ? "&" : "?"}locale=${locale}`)).text();

  it("offers the shop's today in its own zone and files a request received that day", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId } });
    await db.shop.update({
      where: { id: shopId },
      data: { settings: JSON.stringify({ ...JSON.parse(shop.settings), timeZone: FAR_ZONE }) },
    });
    const today = todayIn(FAR_ZONE);
    const form = await page("/app/requests/new", "en");
    expect(form).toContain(`value="${today}"`);
    expect(form).toContain(`max="${today}"`);
    expect(form).toContain(`shop&#x27;s time zone (${FAR_ZONE})`);

    const answer = await fetch(`${server.baseUrl}/app/requests/new?locale=en`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        type: "access",
        email: "far.away@example.fr",
        name: "",
        message: "",
        receivedOn: today,
        requesterLocale: "en",
      }),
    });
    expect(answer.status).toBe(302);
    const request = await db.rightsRequest.findFirstOrThrow({
      where: { requesterEmail: "far.away@example.fr" },
    });
    expect(request.timeZone).toBe(FAR_ZONE);
    const detail = await page(`/app/requests/${request.id}`, "en");
    expect(detail).toContain(
      "waiting for the requester to confirm an address the shop does not have on file",
    );
  });

  it("recomputes at boot the open requests paused under the old rule, and shows why on each request", async () => {
    const receivedAt = new Date(Date.now() - 3 * 86_400_000);
    await db.subject.create({
      data: { shopId, email: "on.file@example.fr", shopifyCustomerId: "990001" },
    });
    const legacy = (email: string, reference: string) =>
      db.rightsRequest.create({
        data: {
          shopId,
          reference,
          type: "access",
          channel: "privacy_centre",
          state: "identity_check",
          details: JSON.stringify({ type: "access" }),
          requesterEmail: email,
          receivedAt,
          identityLevel: "email_link",
          pauses: { create: { startedAt: receivedAt, reason: "identity" } },
        },
      });
    const onFile = await legacy("on.file@example.fr", "R-2026-CLOK1");
    const unknown = await legacy("not.on.file@example.fr", "R-2026-CLOK2");

    await server.stop();
    server = await startServer({ DATA_DIR: server.dataDir });

    expect(await db.requestPause.count({ where: { requestId: onFile.id } })).toBe(0);
    expect(await db.requestPause.findMany({ where: { requestId: unknown.id } })).toMatchObject([
      { reason: "address_not_on_file", endedAt: null },
    ]);
    const audits = await db.auditEvent.findMany({ where: { shopId, action: "request.clock_recomputed" } });
    expect(Object.fromEntries(audits.map((a) => [a.targetId, JSON.parse(a.data).change]))).toEqual({
      [onFile.id]: "removed",
      [unknown.id]: "reason_recorded",
    });

    expect(await page(`/app/requests/${onFile.id}`, "en")).toContain(
      "Running since receipt: the request came from the address the shop has on file",
    );
    expect(await page(`/app/requests/${onFile.id}`, "fr")).toContain("Court depuis la réception");
    expect(await page(`/app/requests/${unknown.id}`, "en")).toContain(
      "waiting for the requester to confirm an address the shop does not have on file",
    );
    expect(await page(`/app/requests/${unknown.id}`, "fr")).toContain(
      "adresse que la boutique ne connaît pas",
    );
  });
});
