// Hand-written result types of Vigie's Admin GraphQL operations (API ADMIN_API_VERSION, operations.ts) and the zod schemas
// that check Shopify's answers against them. Each schema is declared as `z.ZodType<Type>`, so the
// compiler keeps the type and the schema in step.
import { z } from "zod";
import { type OrderBuyer, OrderBuyerShape } from "./order-email";

export const EMAIL_MARKETING_STATES = [
  "SUBSCRIBED",
  "UNSUBSCRIBED",
  "NOT_SUBSCRIBED",
  "PENDING",
  "REDACTED",
  "INVALID",
] as const;
/** `CustomerEmailMarketingState`: what Shopify reports. */
export type EmailMarketingState = (typeof EMAIL_MARKETING_STATES)[number];
/** The only states `customerEmailMarketingConsentUpdate` accepts as input; the rest are read-only. */
export type EmailMarketingInputState = "SUBSCRIBED" | "UNSUBSCRIBED" | "PENDING";
export const OPT_IN_LEVELS = ["SINGLE_OPT_IN", "CONFIRMED_OPT_IN", "UNKNOWN"] as const;
export type MarketingOptInLevel = (typeof OPT_IN_LEVELS)[number];

export type EmailMarketingConsent = {
  marketingState: EmailMarketingState;
  marketingOptInLevel: MarketingOptInLevel | null;
  consentUpdatedAt: string | null;
};
/** SMS states are the same set minus INVALID, plus nothing Vigie writes: read as a plain string. */
export type SmsMarketingConsent = {
  marketingState: string;
  marketingOptInLevel: MarketingOptInLevel | null;
  consentUpdatedAt: string | null;
};

export type MailingAddress = {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCodeV2: string | null;
  phone: string | null;
};

export type PageInfo = { hasNextPage: boolean; endCursor: string | null };
export type Connection<T> = { nodes: T[]; pageInfo: PageInfo };

/** A userError as every mutation payload returns it. */
export type UserError = { field: string[] | null; message: string; code: string | null };

/** The few fields that find a customer and read their e-mail consent. */
export type CustomerConsentNode = {
  id: string;
  defaultEmailAddress: { emailAddress: string } | null;
  emailMarketingConsent: EmailMarketingConsent | null;
};

export type CustomerDetails = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  /** Null when Shopify withholds names (protected customer data not approved). */
  displayName: string | null;
  locale: string | null;
  note: string | null;
  tags: string[];
  state: string;
  verifiedEmail: boolean;
  dataSaleOptOut: boolean;
  createdAt: string;
  updatedAt: string;
  /** UnsignedInt64, serialised as a string. */
  numberOfOrders: string;
  amountSpent: { amount: string; currencyCode: string } | null;
  defaultEmailAddress: {
    emailAddress: string;
    marketingState: string;
    marketingOptInLevel: MarketingOptInLevel | null;
    marketingUpdatedAt: string | null;
  } | null;
  defaultPhoneNumber: {
    phoneNumber: string;
    marketingState: string;
    marketingOptInLevel: MarketingOptInLevel | null;
    marketingUpdatedAt: string | null;
  } | null;
  emailMarketingConsent: EmailMarketingConsent | null;
  smsMarketingConsent: SmsMarketingConsent | null;
  /** Null when Shopify withholds addresses (protected customer data not approved). */
  addressesV2: Connection<MailingAddress> | null;
};

export type LineItem = { title: string; quantity: number; sku: string | null; variantTitle: string | null };

export type OrderNode = {
  id: string;
  name: string;
  createdAt: string;
  processedAt: string | null;
  cancelledAt: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  customAttributes: Array<{ key: string; value: string | null }>;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  currentTotalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  shippingAddress: MailingAddress | null;
  billingAddress: MailingAddress | null;
  lineItems: Connection<LineItem>;
};

const nullableString = z.string().nullable();

export const UserErrorSchema: z.ZodType<UserError> = z.object({
  field: z.array(z.string()).nullable(),
  message: z.string(),
  code: nullableString,
});

export const EmailMarketingConsentSchema: z.ZodType<EmailMarketingConsent> = z.object({
  marketingState: z.enum(EMAIL_MARKETING_STATES),
  marketingOptInLevel: z.enum(OPT_IN_LEVELS).nullable(),
  consentUpdatedAt: nullableString,
});

const SmsMarketingConsentSchema: z.ZodType<SmsMarketingConsent> = z.object({
  marketingState: z.string(),
  marketingOptInLevel: z.enum(OPT_IN_LEVELS).nullable(),
  consentUpdatedAt: nullableString,
});

export const MailingAddressSchema: z.ZodType<MailingAddress> = z.object({
  firstName: nullableString,
  lastName: nullableString,
  company: nullableString,
  address1: nullableString,
  address2: nullableString,
  city: nullableString,
  province: nullableString,
  provinceCode: nullableString,
  zip: nullableString,
  country: nullableString,
  countryCodeV2: nullableString,
  phone: nullableString,
});

const PageInfoSchema: z.ZodType<PageInfo> = z.object({ hasNextPage: z.boolean(), endCursor: nullableString });

export function connectionSchema<T>(node: z.ZodType<T>): z.ZodType<Connection<T>> {
  return z.object({ nodes: z.array(node), pageInfo: PageInfoSchema });
}

export const CustomerConsentNodeSchema: z.ZodType<CustomerConsentNode> = z.object({
  id: z.string(),
  defaultEmailAddress: z.object({ emailAddress: z.string() }).nullable(),
  emailMarketingConsent: EmailMarketingConsentSchema.nullable(),
});

const AddressOwnerMarketing = {
  marketingState: z.string(),
  marketingOptInLevel: z.enum(OPT_IN_LEVELS).nullable(),
  marketingUpdatedAt: nullableString,
};

export const CustomerDetailsSchema: z.ZodType<CustomerDetails> = z.object({
  id: z.string(),
  firstName: nullableString,
  lastName: nullableString,
  displayName: nullableString,
  locale: nullableString,
  note: nullableString,
  tags: z.array(z.string()),
  state: z.string(),
  verifiedEmail: z.boolean(),
  dataSaleOptOut: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  numberOfOrders: z.string(),
  amountSpent: z.object({ amount: z.string(), currencyCode: z.string() }).nullable(),
  defaultEmailAddress: z.object({ emailAddress: z.string(), ...AddressOwnerMarketing }).nullable(),
  defaultPhoneNumber: z.object({ phoneNumber: z.string(), ...AddressOwnerMarketing }).nullable(),
  emailMarketingConsent: EmailMarketingConsentSchema.nullable(),
  smsMarketingConsent: SmsMarketingConsentSchema.nullable(),
  addressesV2: connectionSchema(MailingAddressSchema).nullable(),
});

const LineItemSchema: z.ZodType<LineItem> = z.object({
  title: z.string(),
  quantity: z.number().int(),
  sku: nullableString,
  variantTitle: nullableString,
});

export const OrderNodeSchema: z.ZodType<OrderNode> = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  processedAt: nullableString,
  cancelledAt: nullableString,
  email: nullableString,
  phone: nullableString,
  note: nullableString,
  customAttributes: z.array(z.object({ key: z.string(), value: nullableString })),
  displayFinancialStatus: nullableString,
  displayFulfillmentStatus: z.string(),
  currentTotalPriceSet: z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) }),
  shippingAddress: MailingAddressSchema.nullable(),
  billingAddress: MailingAddressSchema.nullable(),
  lineItems: connectionSchema(LineItemSchema),
});

export const LineItemConnectionSchema = connectionSchema(LineItemSchema);

/** What the thank-you page's consent is checked against: the order, its checkout and its buyer. */
export type OrderForConsent = {
  id: string;
  createdAt: string;
  /** Admin API 2026-07 onwards; REST's `checkout_token`, the extension's `checkoutToken`. */
  checkoutToken: string | null;
} & OrderBuyer;

export const OrderForConsentSchema: z.ZodType<OrderForConsent> = z.object({
  id: z.string(),
  createdAt: z.string(),
  checkoutToken: nullableString,
  ...OrderBuyerShape,
});
