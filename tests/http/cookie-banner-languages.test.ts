// The cookie banner in the shopper's languages (docs/decisions/082), over HTTP against the built
// server and its worker, on each database, through the app proxy signed as Shopify signs it: the
// config in German is German; a choice posted in Italian with the Italian version lands in the
// ledger in Italian and the Cookies page and CSV say so; the French version posted in Italian is
// stale (409) and stores nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { SANDBOX_SHOP, signedProxyUrl } from "../support/app-proxy";
import { createEmptyDatabase, testDialects } from "../support/databases";
import { eventually, type RunningServer, startServer } from "../support/server";

describe.each(testDialects())("the cookie banner's languages over HTTP on %s", (dialect) => {
  let server: RunningServer;
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const empty = await createEmptyDatabase(dialect);
    drop = empty.drop;
    server = await startServer({ DATABASE_URL: empty.url });
    db = (await createDatabase(empty.url)).db;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.$disconnect();
    await drop?.();
  });

  const consentUrl = (query: Record<string, string> = {}) =>
    signedProxyUrl(server, "/consent", SANDBOX_SHOP, query);
  const config = async (locale: string) => {
    const answer = await fetch(consentUrl({ locale }));
    expect(answer.status).toBe(200);
    return answer.json();
  };
  const post = (body: unknown) =>
    fetch(consentUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.40" },
      body: JSON.stringify(body),
    });
  const refuseAll = (locale: string, version: string) => ({
    visitorId: randomUUID(),
    version,
    locale,
    gpc: false,
    action: "refuse_all",
    consent: { analytics: false, marketing: false, preferences: false, sale_of_data: false },
  });

  it("serves the banner in German for a German storefront, and French for a language Vigie does not write", async () => {
    const de = await config("de");
    expect(de.locale).toBe("de");
    expect(de.version).toMatch(/^b2-[0-9a-f]{16}$/);
    expect(de.texts.title).toBe("Cookies und andere Tracker");
    expect(de.texts.refuseAll).toBe("Alle ablehnen");
    expect(de.texts.acceptAll).toBe("Alle akzeptieren");
    expect(de.texts.intro).toContain("Mit Ihrer Einwilligung");
    expect(de.texts.purposes.map((p: { title: string }) => p.title)).toContain("Reichweitenmessung");
    const deCh = await config("de-CH");
    expect(deCh).toMatchObject({ locale: "de", version: de.version });
    const fr = await config("fr");
    expect(fr.version).not.toBe(de.version);
    const pt = await fetch(consentUrl({ locale: "pt-BR" }), { headers: { "accept-language": "pt-BR" } });
    expect(await pt.json()).toMatchObject({ locale: "fr", version: fr.version });
  });

  it("records a choice made in Italian on the Italian version, in Italian; refuses the French version posted in Italian", async () => {
    const it_ = await config("it");
    const fr = await config("fr");
    const before = await db.consentEvent.count({ where: { source: "banner" } });

    const stale = refuseAll("it", fr.version);
    const refused = await post(stale);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: "BANNER_VERSION_STALE" });

    const choice = refuseAll("it", it_.version);
    expect((await post(choice)).status).toBe(202);
    const rows = await eventually(async () => {
      const found = await db.consentEvent.findMany({
        where: { visitorId: choice.visitorId },
        orderBy: { seq: "asc" },
      });
      return found.length === 4 ? found : null;
    });
    for (const row of rows) {
      expect(row).toMatchObject({
        source: "banner",
        kind: "refused",
        wordingLocale: "it",
        noticeVersion: it_.version,
      });
    }
    expect(rows[0]?.wording).toContain("Misurazione dell'audience");
    expect(rows[0]?.wording).toContain("Con il Suo consenso");
    // The stale choice stored nothing, the Italian one its four events.
    expect(await db.consentEvent.count({ where: { source: "banner" } })).toBe(before + 4);
    expect(await db.consentEvent.count({ where: { visitorId: stale.visitorId } })).toBe(0);

    // Staff read the language back: the CSV's wording_locale column, the Cookies page in words.
    const csv = await (
      await fetch(`${server.baseUrl}/app/consents/ledger.csv?visitor=${choice.visitorId}`)
    ).text();
    const [header, ...lines] = csv.trim().split("\r\n");
    const column = header?.split(",").indexOf("wording_locale") ?? -1;
    expect(column).toBeGreaterThan(-1);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.split(",")[column]).toBe(`"it"`);
    const choicesTable = async (locale: string) => {
      const url = `${server.baseUrl}/app/cookies?locale=${locale}&visitor=${choice.visitorId}`;
      const page = await (await fetch(url)).text();
      const table = page.slice(page.indexOf('data-testid="visitor-choices"'));
      return table.slice(0, table.indexOf("</table>"));
    };
    const en = await choicesTable("en");
    expect(en.match(/<td[^>]*>Italian<\/td>/g)).toHaveLength(4);
    expect(await choicesTable("fr")).toMatch(/<td[^>]*>Italien<\/td>/);
  });
});
