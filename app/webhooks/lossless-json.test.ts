import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "./lossless-json";
import {
  CustomersDataRequestSchema,
  CustomersRedactSchema,
  EmailMarketingConsentUpdateSchema,
  OrderSchema,
} from "./topics/shopify-payloads";

const MAX_ID = 2n ** 63n - 1n;

describe("parseJsonLossless", () => {
  it("keeps an integer beyond 2^53 as its exact text, and everything else as JSON.parse does", () => {
    expect(parseJsonLossless('{"id": 820982911946154508}')).toEqual({ id: "820982911946154508" });
    expect(
      parseJsonLossless('{"a": 1, "b": 9007199254740991, "c": 1.5, "d": 1e300, "e": "x", "f": [2, null]}'),
    ).toEqual({ a: 1, b: 9007199254740991, c: 1.5, d: 1e300, e: "x", f: [2, null] });
  });

  it("ids up to 2^63 − 1 survive into every topic's payload as exact decimal strings", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_ID }),
        fc.bigInt({ min: 0n, max: MAX_ID }),
        fc.bigInt({ min: 0n, max: MAX_ID }),
        (customer, order, request) => {
          const [c, o, r] = [customer, order, request].map(String) as [string, string, string];
          const dataRequest = CustomersDataRequestSchema.parse(
            parseJsonLossless(
              `{"shop_id":${r},"shop_domain":"s.myshopify.com","orders_requested":[${o}],"customer":{"id":${c}},"data_request":{"id":${r}}}`,
            ),
          );
          expect([
            dataRequest.customer.id,
            dataRequest.orders_requested[0],
            dataRequest.data_request.id,
          ]).toEqual([c, o, r]);
          const redact = CustomersRedactSchema.parse(
            parseJsonLossless(
              `{"shop_id":1,"shop_domain":"s.myshopify.com","customer":{"id":${c}},"orders_to_redact":[${o}]}`,
            ),
          );
          expect([redact.customer.id, redact.orders_to_redact[0]]).toEqual([c, o]);
          const orderBody = OrderSchema.parse(parseJsonLossless(`{"id":${o},"customer":{"id":${c}}}`));
          expect([orderBody.id, orderBody.customer?.id]).toEqual([o, c]);
          const consent = EmailMarketingConsentUpdateSchema.parse(
            parseJsonLossless(`{"customer_id":${c},"email_marketing_consent":{"state":"subscribed"}}`),
          );
          expect(consent.customer_id).toBe(c);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("an id already rounded by a plain JSON.parse is refused, not stored wrong", () => {
    const rounded = JSON.parse('{"id": 820982911946154508}');
    expect(OrderSchema.safeParse(rounded).success).toBe(false);
  });
});
