// A request filed from the privacy centre in German, Spanish or Italian is answered in that
// language (docs/decisions/061): the language the storefront posts is stored with the request and
// every e-mail about it is written in it; a language Vigie does not write falls back to the shop's.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { signAppProxyQuery } from "~/sandbox/shopify-signing.server";
import { type RunningServer, startServer } from "../support/server";

describe("the privacy centre in the shopper's language, over HTTP", () => {
  let server: RunningServer;
  let db: Db;
  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  function signed(pathname: string) {
    const query = new URLSearchParams({
      shop: "imera-paris.myshopify.com",
      logged_in_customer_id: "",
      path_prefix: "/apps/privacy",
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    query.set("signature", signAppProxyQuery(query, server.sandbox().apiSecret));
    return `${server.baseUrl}/proxy/privacy${pathname}?${query}`;
  }

  async function file(locale: string, email: string, clientIp: string) {
    const body = new URLSearchParams({ type: "access", email, name: "Anna", locale });
    const response = await fetch(signed("/requests"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": clientIp },
      body: body.toString(),
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    const request = await db.rightsRequest.findFirstOrThrow({ where: { requesterEmail: email } });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { to: email, template: "request.identity_code" },
    });
    return { request, mail };
  }

  it.each([
    [
      "de-DE",
      "de",
      "Bitte bestätigen Sie Ihre Anfrage",
      "Guten Tag,",
      /Dieser Code ist \d+ (Minuten|Stunden) gültig\./,
    ],
    [
      "es",
      "es",
      "Confirme su solicitud",
      "Buenos días:",
      /Este código es válido durante \d+ (minutos|horas)\./,
    ],
    [
      "it-CH",
      "it",
      "Confermi la Sua richiesta",
      "Gentile cliente,",
      /Questo codice è valido per \d+ (minuti|ore)\./,
    ],
  ])(
    "a request filed in %s is stored as %s and its e-mail is written in it",
    async (posted, stored, subject, greeting, validity) => {
      const email = `lang-${stored}@example.de`;
      const { request, mail } = await file(posted, email, `203.0.113.${stored.charCodeAt(0)}`);
      expect(request.locale).toBe(stored);
      expect(mail.locale).toBe(stored);
      expect(mail.subject).toContain(subject);
      expect(mail.text).toContain(greeting);
      expect(mail.text).toMatch(validity);
      expect(mail.text).not.toMatch(/Bonjour|Hello/);
    },
  );

  it("writes to a shopper whose language Vigie does not write in the shop's language, French", async () => {
    const { request, mail } = await file("nl-NL", "lang-nl@example.nl", "203.0.113.200");
    expect(request.locale).toBe("fr");
    expect(mail.subject).toContain("Confirmez votre demande");
  });
});
