// Webhook bodies are JSON whose ids are numbers (Shopify's REST-style payloads): Shopify's own
// samples use ids beyond 2^53 (orders/create: 820982911946154508), which JSON.parse would round.
// Every stored delivery is parsed here, so every topic reads its ids exactly.

type ReviverContext = { source?: string };

/**
 * JSON.parse, except that an integer too large for a double is kept as its exact decimal text
 * (the reviver's `context.source`, Node ≥ 21). Every other value parses as usual.
 */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: ReviverContext) =>
    typeof value === "number" &&
    !Number.isSafeInteger(value) &&
    context?.source !== undefined &&
    /^-?\d+$/.test(context.source)
      ? context.source
      : value,
  );
}
