// A request filed from the privacy centre in German, Spanish or Italian is answered in that
// language (docs/decisions/061): the language the storefront posts is stored with the request and
// every e-mail about it is written in it; a language Vigie does not write falls back to the shop's.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { signAppProxyQuery } from "~/sandbox/shopify-signing.server";
import { upsertSubject } from "~/services/subjects.server";
import { unsubscribeToken } from "~/services/unsubscribe.server";
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

  /** A privacy centre URL as Shopify's app proxy calls it; `extra` is signed too (the storefront's `locale`). */
  function signed(pathname: string, extra: Record<string, string> = {}) {
    const query = new URLSearchParams({
      shop: "imera-paris.myshopify.com",
      logged_in_customer_id: "",
      path_prefix: "/apps/privacy",
      timestamp: String(Math.floor(Date.now() / 1000)),
      ...extra,
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

  // What a shopper reads on each page, in each language: the storefront's `locale` picks it, a
  // language Vigie does not write gets the shop's, French. Browsers' Accept-Language is left out.
  // The notice: its version line (the page's) and its first heading (the notice's own, docs/decisions/083).
  const PAGES = {
    de: {
      form: ["Ihre personenbezogenen Daten", "Recht auf Auskunft", "Meine Anfrage senden"],
      confirm: ["Bestätigen Sie Ihre E-Mail-Adresse"],
      status: ["Anfrage nicht gefunden"],
      documents: ["Dieser Link ist nicht mehr gültig"],
      receipt: ["Anmelden"],
      notice: ["gültig seit", "Wer Ihre Daten verarbeitet"],
      unsubscribe: ["Dieser Link ist ungültig"],
      unsubscribed: ["Sie sind abgemeldet"],
      export: ["Ihr Datenexport"],
    },
    es: {
      form: ["Sus datos personales", "Derecho de acceso", "Enviar mi solicitud"],
      confirm: ["Confirme su dirección de correo electrónico"],
      status: ["Solicitud no encontrada"],
      documents: ["Este enlace ya no es válido"],
      receipt: ["Iniciar sesión"],
      notice: ["vigente desde el", "Quién trata sus datos"],
      unsubscribe: ["Este enlace no es válido"],
      unsubscribed: ["Se ha dado de baja"],
      export: ["Su exportación de datos"],
    },
    it: {
      form: ["I Suoi dati personali", "Diritto di accesso", "Invia la mia richiesta"],
      confirm: ["Confermi il Suo indirizzo e-mail"],
      status: ["Richiesta non trovata"],
      documents: ["Questo link non è più valido"],
      receipt: ["Accedi"],
      notice: ["in vigore dal", "Chi tratta i Suoi dati"],
      unsubscribe: ["Questo link non è valido"],
      unsubscribed: ["La Sua iscrizione è stata annullata"],
      export: ["La Sua esportazione dei dati"],
    },
    fr: {
      form: ["Vos données personnelles", "Droit d'accès", "Envoyer ma demande"],
      confirm: ["Confirmez votre adresse e-mail"],
      status: ["Demande introuvable"],
      documents: ["Ce lien n'est plus valide"],
      receipt: ["Se connecter"],
      notice: ["en vigueur depuis le", "Qui traite vos données"],
      unsubscribe: ["Ce lien n'est pas valide"],
      unsubscribed: ["Vous êtes désinscrit(e)"],
      export: ["L'export de vos données"],
    },
  } as const;

  const text = async (url: string) => {
    const response = await fetch(url, { headers: { "accept-language": "" } });
    return { status: response.status, body: (await response.text()).replaceAll("&#x27;", "'") };
  };

  it.each([
    ["de", "de"],
    ["es-ES", "es"],
    ["it-IT", "it"],
    ["nl-NL", "fr"],
    ["zz", "fr"],
  ] as const)("shows the privacy centre's pages with locale %s in %s", async (locale, language) => {
    const words = PAGES[language];
    const others = Object.entries(PAGES).filter(([other]) => other !== language);
    const pages = [
      ["form", signed("", { locale })],
      ["confirm", signed("/confirm", { locale, t: "unknown" })],
      ["status", signed("/status", { locale, t: "unknown" })],
      ["documents", signed("/documents", { locale, t: "unknown" })],
      ["receipt", signed("/receipt", { locale })],
      ["notice", signed("/notice", { locale })],
    ] as const;
    for (const [page, url] of pages) {
      const { body } = await text(url);
      for (const word of words[page]) expect(body, `${page} in ${language}`).toContain(word);
      // No other language's words on the page (the titles differ in every language).
      for (const [other, theirs] of others)
        expect(body, `${page}: no ${other}`).not.toContain(theirs[page][0]);
    }
  });

  it.each([
    ["de", "de"],
    ["es", "es"],
    ["it-CH", "it"],
    ["zz", "fr"],
  ] as const)("shows the unsubscribe and export pages with locale %s in %s", async (locale, language) => {
    const key = Buffer.from(
      readFileSync(path.join(server.dataDir, "encryption.key"), "utf8").trim(),
      "base64",
    );
    const { id: shopId } = await db.shop.findUniqueOrThrow({
      where: { domain: "imera-paris.myshopify.com" },
    });
    const subject = await db.$transaction((tx) =>
      upsertSubject(tx, shopId, { email: "lang-unsub@example.de" }),
    );
    if (!subject) throw new Error("no subject");
    const forged = await text(`${server.baseUrl}/consent/unsubscribe/forged.token?locale=${locale}`);
    expect(forged.status).toBe(404);
    expect(forged.body).toContain(PAGES[language].unsubscribe[0]);
    expect(forged.body).toContain(`<html lang="${language}"`);
    // Never subscribed: the page says so, in the shopper's language.
    const link = `${server.baseUrl}/consent/unsubscribe/${unsubscribeToken(key, shopId, subject.id)}`;
    const real = await text(`${link}?locale=${locale}`);
    expect(real.status).toBe(200);
    expect(real.body).toContain(PAGES[language].unsubscribed[0]);
    // The export's download link, once it no longer works.
    const exported = await text(`${server.baseUrl}/exports/forged.token?locale=${locale}`);
    expect(exported.body).toContain(PAGES[language].export[0]);
    expect(exported.body).toContain(`<html lang="${language}"`);
  });
});
