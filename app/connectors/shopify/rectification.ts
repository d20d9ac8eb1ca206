// Rectification in Shopify (GDPR art. 16), Admin API 2026-10: the customer's name, e-mail and phone
// with `customerUpdate`, the default address with `customerAddressUpdate` (or `customerAddressCreate`
// as default when there is none). Shopify's userErrors (an e-mail or phone another customer has:
// TAKEN; an invalid phone: INVALID) are `refused` with their code, never their message.
import { z } from "zod";
import type { RectifyResult } from "~/connectors/connector";
import type { Profile, RequestedChanges } from "~/domain/rectification/rectification";
import type { ShopifyAdminClient } from "./admin-client.server";
import { operation, runOperation } from "./operations";
import { type UserError, UserErrorSchema } from "./schemas";

const AddressSchema = z.object({
  id: z.string(),
  address1: z.string().nullable(),
  address2: z.string().nullable(),
  city: z.string().nullable(),
  zip: z.string().nullable(),
  countryCodeV2: z.string().nullable(),
});

const ProfileSchema = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  defaultEmailAddress: z.object({ emailAddress: z.string().nullable() }).nullable(),
  defaultPhoneNumber: z.object({ phoneNumber: z.string().nullable() }).nullable(),
  defaultAddress: AddressSchema.nullable(),
});
type ShopifyProfile = z.infer<typeof ProfileSchema>;

export const customerProfileQuery = operation<{ customer: ShopifyProfile | null }, { id: string }>(
  "VigieCustomerProfile",
  `#graphql
  query VigieCustomerProfile($id: ID!) {
    customer(id: $id) {
      id firstName lastName
      defaultEmailAddress { emailAddress }
      defaultPhoneNumber { phoneNumber }
      defaultAddress { id address1 address2 city zip countryCodeV2 }
    }
  }`,
  z.object({ customer: ProfileSchema.nullable() }),
);

const payload = (field: string, inner: z.ZodType) =>
  z.object({ [field]: z.object({ userErrors: z.array(UserErrorSchema) }).and(inner) });

type Payload = { userErrors: UserError[] };

export const customerUpdateMutation = operation<
  { customerUpdate: Payload },
  { input: Record<string, unknown> }
>(
  "VigieCustomerUpdate",
  `#graphql
  mutation VigieCustomerUpdate($input: CustomerInput!) {
    customerUpdate(input: $input) { customer { id } userErrors { field message code } }
  }`,
  payload("customerUpdate", z.object({ customer: z.object({ id: z.string() }).nullable() })) as never,
);

export const customerAddressUpdateMutation = operation<
  { customerAddressUpdate: Payload },
  { customerId: string; addressId: string; address: Record<string, unknown> }
>(
  "VigieCustomerAddressUpdate",
  `#graphql
  mutation VigieCustomerAddressUpdate($customerId: ID!, $addressId: ID!, $address: MailingAddressInput!) {
    customerAddressUpdate(customerId: $customerId, addressId: $addressId, address: $address, setAsDefault: true) {
      address { id } userErrors { field message code }
    }
  }`,
  payload("customerAddressUpdate", z.object({ address: z.object({ id: z.string() }).nullable() })) as never,
);

export const customerAddressCreateMutation = operation<
  { customerAddressCreate: Payload },
  { customerId: string; address: Record<string, unknown> }
>(
  "VigieCustomerAddressCreate",
  `#graphql
  mutation VigieCustomerAddressCreate($customerId: ID!, $address: MailingAddressInput!) {
    customerAddressCreate(customerId: $customerId, address: $address, setAsDefault: true) {
      address { id } userErrors { field message code }
    }
  }`,
  payload("customerAddressCreate", z.object({ address: z.object({ id: z.string() }).nullable() })) as never,
);

export function profileOf(customer: ShopifyProfile): Profile {
  const a = customer.defaultAddress;
  return {
    name:
      customer.firstName || customer.lastName ? { first: customer.firstName, last: customer.lastName } : null,
    email: customer.defaultEmailAddress?.emailAddress ?? null,
    phone: customer.defaultPhoneNumber?.phoneNumber ?? null,
    address:
      a?.address1 && a.city && a.zip
        ? {
            line1: a.address1,
            line2: a.address2 ?? "",
            city: a.city,
            zip: a.zip,
            country: a.countryCodeV2 ?? "",
          }
        : null,
  };
}

export async function readShopifyProfile(client: ShopifyAdminClient, customerGid: string) {
  const { customer } = await runOperation(client, customerProfileQuery, { id: customerGid });
  return customer;
}

const refused = (errors: UserError[]): RectifyResult => ({
  outcome: "refused",
  detail: errors.map((e) => `${e.code ?? "ERROR"}${e.field ? ` on ${e.field.join(".")}` : ""}`).join("; "),
});

export async function rectifyShopify(
  client: ShopifyAdminClient,
  customer: ShopifyProfile,
  changes: RequestedChanges,
): Promise<RectifyResult> {
  const input: Record<string, unknown> = {
    ...(changes.name && { firstName: changes.name.first, lastName: changes.name.last }),
    ...(changes.email && { email: changes.email }),
    ...(changes.phone && { phone: changes.phone }),
  };
  if (Object.keys(input).length > 0) {
    const { customerUpdate } = await runOperation(client, customerUpdateMutation, {
      input: { id: customer.id, ...input },
    });
    if (customerUpdate.userErrors.length > 0) return refused(customerUpdate.userErrors);
  }
  if (changes.address) {
    const address = {
      address1: changes.address.line1,
      address2: changes.address.line2,
      city: changes.address.city,
      zip: changes.address.zip,
      countryCode: changes.address.country,
    };
    const { userErrors } = customer.defaultAddress
      ? (
          await runOperation(client, customerAddressUpdateMutation, {
            customerId: customer.id,
            addressId: customer.defaultAddress.id,
            address,
          })
        ).customerAddressUpdate
      : (await runOperation(client, customerAddressCreateMutation, { customerId: customer.id, address }))
          .customerAddressCreate;
    if (userErrors.length > 0) return refused(userErrors);
  }
  return { outcome: "applied", vendorRef: customer.id };
}
