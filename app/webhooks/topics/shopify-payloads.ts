// Shapes of the Shopify webhook bodies Vigie reads (REST-style JSON, numeric ids). Unknown fields
// pass through untouched; only what Vigie relies on is checked.
import { z } from "zod";

/**
 * A Shopify numeric id, read as its exact decimal string. Bodies are parsed by parseJsonLossless
 * (lossless-json.ts), which leaves ids beyond 2^53 as strings; a number that reached here rounded
 * (parsed some other way) is refused rather than stored wrong.
 */
export const NumericId = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform((id) => String(id));

export const WebhookCustomerSchema = z.object({
  id: NumericId,
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

export const CustomersDataRequestSchema = z.object({
  shop_id: NumericId,
  shop_domain: z.string(),
  orders_requested: z.array(NumericId).default([]),
  customer: WebhookCustomerSchema,
  data_request: z.object({ id: NumericId }),
});

export const CustomersRedactSchema = z.object({
  shop_id: NumericId,
  shop_domain: z.string(),
  customer: WebhookCustomerSchema,
  orders_to_redact: z.array(NumericId).default([]),
});

export const ShopRedactSchema = z.object({ shop_id: NumericId, shop_domain: z.string() });

export const NoteAttributeSchema = z.object({ name: z.string(), value: z.unknown() });

export const OrderSchema = z.object({
  id: NumericId,
  created_at: z.string().optional(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  customer_locale: z.string().nullish(),
  buyer_accepts_marketing: z.boolean().nullish(),
  note_attributes: z.array(NoteAttributeSchema).nullish(),
  browser_ip: z.string().nullish(),
  client_details: z.object({ browser_ip: z.string().nullish(), user_agent: z.string().nullish() }).nullish(),
  customer: WebhookCustomerSchema.extend({ locale: z.string().nullish() }).nullish(),
});

export const AppUninstalledSchema = z.object({
  id: NumericId.optional(),
  myshopify_domain: z.string().nullish(),
});

/** shop/update: the shop's REST representation; Vigie reads only its time zone. */
export const ShopUpdateSchema = z.object({
  id: NumericId.optional(),
  iana_timezone: z.string().nullish(),
});

export const EmailMarketingConsentUpdateSchema = z.object({
  customer_id: NumericId,
  email_address: z.string().nullish(),
  email_marketing_consent: z.object({
    // Shopify's sample for the sibling SMS topic has a null state: not a decision, nothing to record.
    state: z.string().nullish(),
    opt_in_level: z.string().nullish(),
    consent_updated_at: z.string().nullish(),
  }),
});

/** customers/create, customers/update (REST-style customer; no marketing consent from 2025-01). */
export const CustomerPayloadSchema = z.object({
  id: NumericId,
  email: z.string().nullish(),
  phone: z.string().nullish(),
  locale: z.string().nullish(),
  created_at: z.string().nullish(),
});

export const BulkOperationFinishSchema = z.object({
  admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/BulkOperation\/\d+$/),
  status: z.string(),
  error_code: z.string().nullish(),
  type: z.string().nullish(),
});
