// A rectification (GDPR art. 16) filed in the storefront privacy centre over HTTP with its corrected
// values, posted through the app proxy exactly as the theme block's form posts them (signed as
// Shopify signs it), on each database: the request carries the values; a malformed value is
// refused next to its own field and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { postForm, signedProxyUrl } from "../support/app-proxy";
import { createEmptyDatabase, testDialects } from "../support/databases";
import { type RunningServer, startServer } from "../support/server";

/** The block's fields for a rectification, as a browser posts them (empty ones included). */
const BLOCK_FIELDS = {
  locale: "fr",
  type: "rectification",
  message: "",
  rect_first_name: "",
  rect_last_name: "",
  rect_email: "",
  rect_phone: "",
  rect_address1: "",
  rect_address2: "",
  rect_zip: "",
  rect_city: "",
  rect_country: "",
  email: "",
  name: "",
};

describe.each(testDialects())(
  "filing a rectification with its corrected values over HTTP on %s",
  (dialect) => {
    let server: RunningServer;
    let db: Db;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const empty = await createEmptyDatabase(dialect);
      drop = empty.drop;
      server = await startServer({ DATABASE_URL: empty.url, WORKER: "off" });
      db = (await createDatabase(empty.url)).db;
    });
    afterAll(async () => {
      await server?.stop();
      await db?.$disconnect();
      await drop?.();
    });

    const count = () => db.rightsRequest.count({ where: { type: "rectification" } });

    it("stores the corrected values with the request", async () => {
      const response = await postForm(signedProxyUrl(server, "/requests"), {
        ...BLOCK_FIELDS,
        email: "Lea.Durand@Example.fr",
        name: "Léa Durand",
        rect_first_name: " Léa ",
        rect_last_name: "Martin",
        rect_email: "Lea.Martin@Example.fr",
        rect_phone: "+33 6 98 76 54 31",
        rect_address1: "12 rue Oberkampf",
        rect_address2: "Bâtiment B",
        rect_zip: "75011",
        rect_city: "Paris",
        rect_country: "fr",
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Droit de rectification");
      const request = await db.rightsRequest.findFirstOrThrow({
        where: { type: "rectification", requesterEmail: "lea.durand@example.fr" },
      });
      expect(request).toMatchObject({ channel: "privacy_centre", locale: "fr" });
      expect(JSON.parse(request.details)).toEqual({
        type: "rectification",
        changes: {
          name: { first: "Léa", last: "Martin" },
          email: "lea.martin@example.fr",
          phone: "+33698765431",
          address: {
            line1: "12 rue Oberkampf",
            line2: "Bâtiment B",
            city: "Paris",
            zip: "75011",
            country: "FR",
          },
        },
      });
    });

    it("refuses malformed values next to their fields, shows the form again as typed, and stores nothing", async () => {
      const before = await count();
      // Malformed values everywhere but the last name; only the country changes between the posts.
      const malformed = (country: string) =>
        postForm(signedProxyUrl(server, "/requests"), {
          ...BLOCK_FIELDS,
          email: "hugo.petit@example.fr",
          rect_first_name: "Hugo",
          rect_email: "pas-une-adresse",
          rect_phone: "06 12",
          rect_address1: "3 place Bellecour",
          rect_country: country,
        });
      const response = await malformed("France");
      expect(response.status).toBe(400);
      const html = await response.text();
      const errors = [...html.matchAll(/data-testid="error-(rect_\w+)"/g)].map((m) => m[1]);
      // "France" is longer than a country code: refused by the form's own limits, before the others.
      expect(errors).toEqual(["rect_country"]);
      expect(html).toContain("Indiquez le pays par son code à 2 lettres, par exemple FR.");
      expect(html).toMatch(
        /id="vigie-rect_country"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="vigie-rect_country"/,
      );

      const again = await malformed("F1");
      expect(again.status).toBe(400);
      const page = await again.text();
      expect([...page.matchAll(/data-testid="error-(rect_\w+)"/g)].map((m) => m[1])).toEqual([
        "rect_last_name",
        "rect_email",
        "rect_phone",
        "rect_zip",
        "rect_city",
        "rect_country",
      ]);
      expect(page).toContain("Indiquez le nom, avec le prénom.");
      expect(page).toContain("Saisissez le numéro au format international");
      expect(page).toContain("Indiquez la ville de l&#x27;adresse postale corrigée.");
      // What the shopper typed is still there, for them to correct.
      expect(page).toContain('value="3 place Bellecour"');
      expect(page).toContain('value="pas-une-adresse"');
      expect(await count()).toBe(before);
    });
  },
);
