// How a shopper is recognised across systems: Shopify customer id and/or e-mail.

/** Lower-cases and trims an e-mail; null for anything that is not one. */
export function normaliseEmail(email: string | null | undefined): string | null {
  if (typeof email !== "string") return null;
  const value = email.trim().toLowerCase();
  // Deliberately loose: Shopify already validated the address; this only rejects non-addresses.
  return /^[^\s@]+@[^\s@]+$/.test(value) ? value : null;
}

/** Keeps digits and a leading +; null when nothing is left. */
export function normalisePhone(phone: string | null | undefined): string | null {
  if (typeof phone !== "string") return null;
  const value = phone.trim().replace(/(?!^\+)[^\d]/g, "");
  return /\d{4,}/.test(value) ? value : null;
}

/** Shopify sends numeric ids in webhooks; Vigie stores them as decimal strings. */
export function shopifyId(id: number | string | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  const value = String(id).trim();
  return /^\d+$/.test(value) ? value : null;
}

/** The GraphQL global id for a numeric Shopify id. */
export function shopifyGid(resource: "Customer" | "Order" | "Shop", id: string): string {
  return `gid://shopify/${resource}/${id}`;
}
