// A restriction of processing (GDPR art. 18) filed in the storefront privacy centre over HTTP, through
// the app proxy signed as Shopify signs it: its ground required, the person's wish to know the
// recipients informed (art. 19) kept with it.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { postForm, signedProxyUrl } from "../support/app-proxy";
import { type RunningServer, startServer } from "../support/server";

describe("filing a restriction in the privacy centre over HTTP", () => {
  let server: RunningServer;
  let db: Db;
  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("offers it in the form with its four grounds", async () => {
    const html = await (await fetch(signedProxyUrl(server, ""))).text();
    expect(html).toContain('<option value="restriction">');
    for (const ground of ["accuracy_contested", "unlawful_no_erasure", "legal_claims", "objection_pending"])
      expect(html).toContain(`value="${ground}"`);
    expect(html).toContain('name="recipients_asked"');
  });

  it("asks for the ground next to its field and stores nothing without it", async () => {
    const before = await db.rightsRequest.count({ where: { type: "restriction" } });
    const response = await postForm(signedProxyUrl(server, "/requests"), {
      type: "restriction",
      email: "sans.motif@example.fr",
      locale: "fr",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('data-testid="error-restriction_ground"');
    expect(html).toContain("Indiquez pourquoi la limitation est demandée.");
    expect(await db.rightsRequest.count({ where: { type: "restriction" } })).toBe(before);
  });

  it("files it with its ground and the wish to know the recipients informed", async () => {
    const response = await postForm(signedProxyUrl(server, "/requests"), {
      type: "restriction",
      email: "Litige@Example.fr",
      restriction_ground: "legal_claims",
      recipients_asked: "on",
      // A field of another type is ignored, not stored.
      heir_relationship: "fille",
      locale: "en",
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Right to restriction of processing");
    const request = await db.rightsRequest.findFirstOrThrow({
      where: { type: "restriction", requesterEmail: "litige@example.fr" },
    });
    expect(JSON.parse(request.details)).toEqual({
      type: "restriction",
      ground: "legal_claims",
      recipientsAsked: true,
    });
    expect(request).toMatchObject({ channel: "privacy_centre", state: "identity_check", locale: "en" });
    const ack = await db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.acknowledgement" },
    });
    expect(ack.text).toContain("restriction of processing");
  });
});
