// The demo store's Shopify data: the same fictional shoppers as app/sandbox/demo-store.server.ts
// (customer ids 7001–7003, example.* addresses that never deliver), with addresses, consent states
// and a few orders, one carrying the checkout consent attributes of decision record 013, one placed
// an hour before the sandbox started (recent enough for the thank-you page's consent, for 23 hours).
// And a real shop's history, which only the import from Shopify brings into Vigie (docs/decisions/046):
// customers whose last order is 2, 4 and 11 years old, newsletter-only contacts of 1 and 4 years,
// and orders placed without an account (guest checkout) of 1 and 12 years, one by a later customer.
import { CHECKOUT_ATTRIBUTES } from "~/domain/consent/checkout-attributes";
import { DEFAULT_SCOPES, type ShopifySimulatorSeed } from "./shopify-admin-store";

const DAY = 24 * 3600 * 1000;
const YEAR = 365 * DAY;

/** The shop's older history (ids 7101–7105): what the import from Shopify finds. */
export const DEMO_HISTORY = [
  { id: 7101, email: "agathe.roux@example.fr", lastOrderYearsAgo: 2, subscribed: true },
  { id: 7102, email: "hugo.lefevre@example.fr", lastOrderYearsAgo: 4, subscribed: false },
  { id: 7103, email: "margaux.girard@example.com", lastOrderYearsAgo: 11, subscribed: true },
  { id: 7104, email: "lettre.un.an@example.fr", contactYearsAgo: 1 },
  { id: 7105, email: "lettre.quatre.ans@example.fr", contactYearsAgo: 4 },
] as const;

/**
 * Orders placed without an account (docs/decisions/070): their buyers are known by the order's
 * e-mail only. One buyer ordered 1 and 3 years ago, one 12 years ago (past the shop's 10 years), and
 * Hugo ordered as a guest 6 years ago, before his account: the import finds him, not a second person.
 */
export const DEMO_GUEST_ORDERS = [
  { email: "sans.compte@example.fr", yearsAgo: 1 },
  { email: "sans.compte@example.fr", yearsAgo: 3 },
  { email: "invite.douze.ans@example.fr", yearsAgo: 12 },
  { email: "Hugo.Lefevre@example.fr", yearsAgo: 6 },
] as const;

/** Lucas's order of an hour ago, and the checkout it came from (what the thank-you page sends). */
export const DEMO_RECENT_ORDER = {
  id: 5004,
  customerId: 7002,
  checkoutToken: "c1a7e2b9d4f60358a1e2b9d4f60358a1",
} as const;

/** Seed for `startShopifyAdminSimulator({ seed })`; dates are relative to `now`. */
export function demoShopifySeed(
  shop: string,
  now: Date = new Date(),
  accessToken?: string,
): ShopifySimulatorSeed {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const paris = { city: "Paris", country: "France", countryCodeV2: "FR", zip: "75011" };
  const camilleAddress = { ...paris, firstName: "Camille", lastName: "Martin", address1: "12 rue Oberkampf" };
  const lucasAddress = {
    firstName: "Lucas",
    lastName: "Bernard",
    address1: "3 place Bellecour",
    city: "Lyon",
    zip: "69002",
    country: "France",
    countryCodeV2: "FR",
  };
  const yearsAgo = (years: number, days = 0) =>
    new Date(now.getTime() - years * YEAR - days * DAY).toISOString();
  const history = DEMO_HISTORY.map((person) =>
    "lastOrderYearsAgo" in person
      ? {
          id: person.id,
          email: person.email,
          locale: "fr",
          createdAt: yearsAgo(person.lastOrderYearsAgo, 200),
          emailMarketing: person.subscribed
            ? {
                state: "SUBSCRIBED",
                optInLevel: "SINGLE_OPT_IN",
                consentUpdatedAt: yearsAgo(person.lastOrderYearsAgo, 200),
              }
            : {
                state: "UNSUBSCRIBED",
                optInLevel: "SINGLE_OPT_IN",
                consentUpdatedAt: yearsAgo(person.lastOrderYearsAgo, 30),
              },
        }
      : {
          id: person.id,
          email: person.email,
          locale: "fr",
          createdAt: yearsAgo(person.contactYearsAgo),
          emailMarketing: {
            state: "SUBSCRIBED",
            optInLevel: "CONFIRMED_OPT_IN",
            consentUpdatedAt: yearsAgo(person.contactYearsAgo),
          },
        },
  );
  const historyOrders = DEMO_HISTORY.flatMap((person) =>
    "lastOrderYearsAgo" in person
      ? [
          {
            customerId: person.id,
            createdAt: yearsAgo(person.lastOrderYearsAgo, 150),
            lineItems: [{ title: "Bougie parfumée Figuier", quantity: 1, price: "32.00", sku: "BG-FIG" }],
          },
          {
            customerId: person.id,
            createdAt: yearsAgo(person.lastOrderYearsAgo),
            lineItems: [{ title: "Carafe en verre soufflé", quantity: 1, price: "55.00", sku: "CR-VS" }],
          },
        ]
      : [],
  );
  const guestOrders = DEMO_GUEST_ORDERS.map((order) => ({
    customerId: null,
    email: order.email,
    createdAt: yearsAgo(order.yearsAgo, 40),
    lineItems: [{ title: "Savon au lait d'ânesse", quantity: 2, price: "9.00", sku: "SV-LA" }],
  }));
  return {
    shops: [
      {
        domain: shop,
        name: "iméra",
        ...(accessToken ? { accessToken } : {}),
        // Vigie asks for read_all_orders (README), and the demo shop granted it.
        scopes: [...DEFAULT_SCOPES, "read_all_orders"],
        customers: [
          {
            id: 7001,
            firstName: "Camille",
            lastName: "Martin",
            email: "camille.martin@example.fr",
            phone: "+33600000001",
            locale: "fr",
            createdAt: daysAgo(40),
            emailMarketing: {
              state: "SUBSCRIBED",
              optInLevel: "SINGLE_OPT_IN",
              consentUpdatedAt: daysAgo(30),
            },
            addresses: [camilleAddress],
          },
          {
            id: 7002,
            firstName: "Lucas",
            lastName: "Bernard",
            email: "lucas.bernard@example.fr",
            locale: "fr",
            createdAt: daysAgo(20),
            addresses: [lucasAddress],
          },
          {
            id: 7003,
            firstName: "Emma",
            lastName: "Thomas",
            email: "emma.thomas@example.com",
            locale: "en",
            createdAt: daysAgo(50),
            emailMarketing: {
              state: "UNSUBSCRIBED",
              optInLevel: "SINGLE_OPT_IN",
              consentUpdatedAt: daysAgo(10),
            },
          },
          ...history,
        ],
        orders: [
          {
            customerId: 7001,
            createdAt: daysAgo(30),
            note: "Merci de laisser le colis chez la gardienne",
            customAttributes: [
              { key: CHECKOUT_ATTRIBUTES.noticeVersion, value: "2022-10-31" },
              { key: CHECKOUT_ATTRIBUTES.wordingKey, value: "newsletter_checkbox.default" },
              { key: CHECKOUT_ATTRIBUTES.wordingLocale, value: "fr" },
              {
                key: CHECKOUT_ATTRIBUTES.wording,
                value: "Je souhaite recevoir les actualités de iméra par e-mail",
              },
              { key: CHECKOUT_ATTRIBUTES.consent, value: "granted" },
            ],
            lineItems: [
              { title: "Bougie parfumée Figuier", quantity: 2, price: "34.00", sku: "BG-FIG" },
              { title: "Carafe en verre soufflé", quantity: 1, price: "58.00", sku: "CR-VS" },
            ],
            shippingAddress: camilleAddress,
            billingAddress: camilleAddress,
          },
          {
            customerId: 7001,
            createdAt: daysAgo(5),
            lineItems: [{ title: "Savon au lait d'ânesse", quantity: 3, price: "9.50", sku: "SV-LA" }],
            shippingAddress: camilleAddress,
            billingAddress: camilleAddress,
          },
          {
            customerId: 7002,
            createdAt: daysAgo(12),
            lineItems: [{ title: "Plaid en lin lavé", quantity: 1, price: "89.00", sku: "PL-LL" }],
            shippingAddress: lucasAddress,
            billingAddress: lucasAddress,
          },
          {
            ...DEMO_RECENT_ORDER,
            createdAt: new Date(now.getTime() - 3600 * 1000).toISOString(),
            fulfillmentStatus: "UNFULFILLED",
            lineItems: [{ title: "Bougie parfumée Figuier", quantity: 1, price: "34.00", sku: "BG-FIG" }],
            shippingAddress: lucasAddress,
            billingAddress: lucasAddress,
          },
          ...historyOrders,
          ...guestOrders,
        ],
      },
    ],
  };
}
