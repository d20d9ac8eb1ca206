// Access exports end to end through the built server and the sandbox's Shopify, Stripe and
// Mailchimp simulators: a customers/data_request ends in a zip for the merchant only; a verified
// storefront access request ends in an answer e-mail whose link downloads the zip exactly once.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { ManifestSchema, SystemFileSchema } from "~/exports/schema";
import { testZip, zipEntries, zipEntry } from "../fixtures/export-archives";
import { postForm, SANDBOX_SHOP, signedProxyUrl } from "../support/app-proxy";
import { eventually, type RunningServer, startServer } from "../support/server";
import { samplePayloads, shopifyDelivery } from "../support/shopify-webhook";

const SHOP = SANDBOX_SHOP;
const CAMILLE = { id: 7001, email: "camille.martin@example.fr" };

describe("access exports through the sandbox", () => {
  let server: RunningServer;
  let db: Db;
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-export-http-"));

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  /** Saves a downloaded zip and reads it back with Info-ZIP (an independent reader). */
  async function readZip(response: Response, name: string) {
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    testZip(file);
    const manifest = ManifestSchema.parse(JSON.parse(zipEntry(file, "manifest.json").toString("utf8")));
    return { file, entries: zipEntries(file), manifest };
  }

  const completeArchive = (requestId: string) =>
    eventually(
      () =>
        db.exportArchive.findFirst({ where: { requestId, status: "complete" }, include: { parts: true } }),
      30_000,
    );

  const signedProxy = (pathname: string) => signedProxyUrl(server, pathname);

  it("turns a customers/data_request into a four-system zip the merchant downloads, and never mails the shopper", async () => {
    const payload = { ...samplePayloads.dataRequest(SHOP, CAMILLE.id, CAMILLE.email), orders_requested: [] };
    const delivery = shopifyDelivery(
      server.baseUrl,
      "customers/data_request",
      payload,
      server.sandbox().apiSecret,
    );
    expect((await fetch(delivery.url, delivery.init)).status).toBe(200);
    const request = await eventually(() =>
      db.rightsRequest.findFirst({ where: { channel: "shopify", type: "access" } }),
    );
    const archive = await completeArchive(request.id);
    // Every system answered, each with something about Camille: nothing was silently left out.
    expect(Object.fromEntries(archive.parts.map((p) => [p.system, p.status]))).toEqual({
      shopify: "done",
      stripe: "done",
      mailchimp: "done",
      vigie: "done",
    });
    for (const part of archive.parts) expect(part.records, part.system).toBeGreaterThan(0);
    const tasks = await db.requestTask.findMany({ where: { requestId: request.id, kind: "export" } });
    expect(tasks.map((t) => t.status)).toEqual(["done", "done", "done", "done"]);

    // The request page tells the merchant the export is theirs to pass on, and offers it.
    const page = await (await fetch(`${server.baseUrl}/app/requests/${request.id}?locale=en`)).text();
    expect(page).toContain(`/app/exports/${archive.id}`);

    const response = await fetch(`${server.baseUrl}/app/exports/${archive.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { file, entries, manifest } = await readZip(response, "data-request.zip");
    expect(Object.keys(manifest.systems)).toEqual(["shopify", "stripe", "mailchimp", "vigie"]);
    expect(entries).toEqual(
      expect.arrayContaining(["shopify.json", "stripe.json", "mailchimp.json", "vigie.json"]),
    );
    expect(entries.slice(-3)).toEqual(["portability.json", "README.html", "manifest.json"]);
    expect(manifest.subject.email).toBe(CAMILLE.email);
    const shopify = zipEntry(file, "shopify.json").toString("utf8");
    expect(SystemFileSchema.safeParse(JSON.parse(shopify)).success).toBe(true);
    expect(shopify).toContain("Oberkampf");
    expect(zipEntry(file, "mailchimp.json").toString("utf8")).toContain(CAMILLE.email);
    expect(zipEntry(file, "README.html").toString("utf8")).toContain("contact@imera-paris.com");

    expect(await db.outboxEmail.count({ where: { requestId: request.id } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { action: "export.downloaded", targetId: request.id, actorType: "staff" },
      }),
    ).toBe(1);
    // Another shop's staff (or a made-up id) get nothing.
    expect((await fetch(`${server.baseUrl}/app/exports/not-an-archive`)).status).toBe(404);
  });

  it("answers a verified storefront access request with a link that downloads the zip once, then says it was used", async () => {
    const filed = await postForm(signedProxy("/requests"), {
      type: "access",
      email: "lucas.bernard@example.fr",
      locale: "fr",
    });
    expect(filed.status).toBe(200);
    const request = await eventually(() =>
      db.rightsRequest.findFirst({ where: { requesterEmail: "lucas.bernard@example.fr", type: "access" } }),
    );
    // Nothing is gathered before the requester proves the address is theirs.
    expect(await db.exportArchive.count({ where: { requestId: request.id } })).toBe(0);
    const mail = await eventually(() =>
      db.outboxEmail.findFirst({ where: { requestId: request.id, template: "request.identity_code" } }),
    );
    const link = new URL(mail.text.match(/https?:\/\/\S+\/confirm\?\S+/)?.[0] as string);
    const confirmed = await postForm(signedProxy("/confirm"), {
      t: link.searchParams.get("t") ?? "",
      c: link.searchParams.get("c") ?? "",
      locale: "fr",
    });
    expect(confirmed.status).toBe(200);

    const archive = await completeArchive(request.id);
    expect(archive.parts.every((p) => p.status === "done")).toBe(true);
    const answered = await fetch(`${server.baseUrl}/app/requests/${request.id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "answer", summary: "Voici vos données." }).toString(),
    });
    expect(answered.status).toBe(200);
    const answer = await eventually(() =>
      db.outboxEmail.findFirst({ where: { requestId: request.id, template: "request.answer" } }),
    );
    expect(answer.to).toBe("lucas.bernard@example.fr");
    const download = answer.text.match(/https?:\/\/\S+\/exports\/\S+/)?.[0] as string;
    expect(download, download).toContain(`:${server.port}/exports/`);

    const first = await fetch(download);
    expect(first.status).toBe(200);
    const { manifest } = await readZip(first, "access.zip");
    expect(manifest.subject.reference).toBe(request.reference);
    expect(manifest.locale).toBe("fr");

    const second = await fetch(download, { headers: { "accept-language": "fr" } });
    expect(second.status).toBe(410);
    expect(await second.text()).toContain("déjà été téléchargé");
    // A forged or altered token is refused the same way, and proves nothing.
    const forged = await fetch(`${download.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(410);
    expect(
      await db.auditEvent.count({
        where: { action: "export.downloaded", targetId: request.id, actorType: "shopper" },
      }),
    ).toBe(1);
  });
});
