// Rectification operations of the simulator (Admin API 2026-10), with Shopify's rules:
// - customerUpdate: an e-mail or phone another customer of the shop has is refused (TAKEN), a
//   malformed one too (INVALID); nothing is changed when any field is refused;
// - customerAddressUpdate / customerAddressCreate (setAsDefault): the country must be an ISO code;
//   the default address is the customer's first.
// Address ids are derived from the customer and the address's position (the simulator keeps no ids).
import {
  COST,
  gid,
  type Resolver,
  type ResolverContext,
  stringVariable,
  VariableError,
} from "./shopify-admin-graphql";
import { parseId, type SimAddress, type SimCustomer } from "./shopify-admin-store";

type UserErrorOut = { field: string[] | null; message: string; code: string | null };

const addressGid = (customer: SimCustomer, index: number) =>
  `gid://shopify/MailingAddress/${customer.id * 1000 + index + 1}?model_name=CustomerAddress`;

function customerOf(ctx: ResolverContext, id: unknown): SimCustomer | undefined {
  if (typeof id !== "string" || !id.startsWith("gid://shopify/Customer/") || parseId("Customer", id) === null)
    throw new VariableError("id", "invalid global id");
  return ctx.store.customer(ctx.shop.domain, id);
}

function profileOut(customer: SimCustomer) {
  const a = customer.addresses[0];
  return {
    id: gid("Customer", customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    defaultEmailAddress: customer.email ? { emailAddress: customer.email } : null,
    defaultPhoneNumber: customer.phone ? { phoneNumber: customer.phone } : null,
    defaultAddress: a
      ? {
          id: addressGid(customer, 0),
          address1: a.address1,
          address2: a.address2,
          city: a.city,
          zip: a.zip,
          countryCodeV2: a.countryCodeV2,
        }
      : null,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

function takenBy(ctx: ResolverContext, customer: SimCustomer, field: "email" | "phone", value: string) {
  const wanted = value.trim().toLowerCase();
  return [...ctx.shop.customers.values()].some(
    (other) => other.id !== customer.id && other[field]?.trim().toLowerCase() === wanted,
  );
}

const optional = (input: Record<string, unknown>, key: string) => {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new VariableError("input", `${key}: expected String`);
  return value;
};

function addressInput(variables: Record<string, unknown>) {
  const input = variables.address;
  if (!input || typeof input !== "object")
    throw new VariableError("address", "expected MailingAddressInput!");
  const a = input as Record<string, unknown>;
  const text = (key: string) => (typeof a[key] === "string" ? (a[key] as string) : null);
  return {
    address1: text("address1"),
    address2: text("address2"),
    city: text("city"),
    zip: text("zip"),
    countryCode: text("countryCode"),
  };
}

function applyAddress(target: SimAddress, input: ReturnType<typeof addressInput>): UserErrorOut[] {
  if (input.countryCode !== null && !/^[A-Z]{2}$/.test(input.countryCode))
    return [{ field: ["address", "countryCode"], message: "Country is invalid", code: "INVALID" }];
  target.address1 = input.address1;
  target.address2 = input.address2;
  target.city = input.city;
  target.zip = input.zip;
  target.countryCodeV2 = input.countryCode;
  target.country = input.countryCode;
  return [];
}

const EMPTY: SimAddress = {
  firstName: null,
  lastName: null,
  company: null,
  address1: null,
  address2: null,
  city: null,
  province: null,
  provinceCode: null,
  zip: null,
  country: null,
  countryCodeV2: null,
  phone: null,
};

export const RECTIFICATION_RESOLVERS: Record<string, Resolver> = {
  VigieCustomerProfile: {
    field: "customer",
    scopes: ["read_customers"],
    requestedCost: () => 3,
    resolve(ctx, variables) {
      const customer = customerOf(ctx, variables.id);
      return { data: { customer: customer ? profileOut(customer) : null }, actualCost: customer ? 3 : 1 };
    },
  },

  VigieCustomerUpdate: {
    field: "customerUpdate",
    scopes: ["write_customers"],
    requestedCost: () => COST.mutation,
    resolve(ctx, variables) {
      const input = variables.input as Record<string, unknown> | undefined;
      if (!input || typeof input !== "object") throw new VariableError("input", "expected CustomerInput!");
      const out = (customer: SimCustomer | null, userErrors: UserErrorOut[]) => ({
        data: {
          customerUpdate: { customer: customer ? { id: gid("Customer", customer.id) } : null, userErrors },
        },
        actualCost: COST.mutation,
      });
      const customer = customerOf(ctx, input.id);
      if (!customer)
        return out(null, [{ field: ["id"], message: "Customer does not exist", code: "INVALID" }]);
      const firstName = optional(input, "firstName");
      const lastName = optional(input, "lastName");
      const email = optional(input, "email");
      const phone = optional(input, "phone");
      const errors: UserErrorOut[] = [];
      if (email !== undefined) {
        if (!EMAIL.test(email.trim()))
          errors.push({ field: ["email"], message: "Email is invalid", code: "INVALID" });
        else if (takenBy(ctx, customer, "email", email))
          errors.push({ field: ["email"], message: "Email has already been taken", code: "TAKEN" });
      }
      if (phone !== undefined) {
        if (!PHONE.test(phone.trim()))
          errors.push({ field: ["phone"], message: "Phone is invalid", code: "INVALID" });
        else if (takenBy(ctx, customer, "phone", phone))
          errors.push({ field: ["phone"], message: "Phone has already been taken", code: "TAKEN" });
      }
      if (errors.length > 0) return out(null, errors);
      if (firstName !== undefined) customer.firstName = firstName;
      if (lastName !== undefined) customer.lastName = lastName;
      if (email !== undefined) {
        customer.email = email.trim();
        customer.emailMarketing ??= { state: "NOT_SUBSCRIBED", optInLevel: null, consentUpdatedAt: null };
      }
      if (phone !== undefined) customer.phone = phone.trim();
      customer.updatedAt = new Date(ctx.now()).toISOString();
      return out(customer, []);
    },
  },

  VigieCustomerAddressUpdate: {
    field: "customerAddressUpdate",
    scopes: ["write_customers"],
    requestedCost: () => COST.mutation,
    resolve(ctx, variables) {
      const customer = customerOf(ctx, variables.customerId);
      const addressId = stringVariable(variables, "addressId");
      const input = addressInput(variables);
      const out = (id: string | null, userErrors: UserErrorOut[]) => ({
        data: { customerAddressUpdate: { address: id ? { id } : null, userErrors } },
        actualCost: COST.mutation,
      });
      const index = customer
        ? customer.addresses.findIndex((_a, i) => addressGid(customer, i) === addressId)
        : -1;
      const target = customer?.addresses[index];
      if (!customer || !target)
        return out(null, [{ field: ["addressId"], message: "Address does not exist", code: "NOT_FOUND" }]);
      const errors = applyAddress(target, input);
      if (errors.length > 0) return out(null, errors);
      customer.addresses.splice(index, 1);
      customer.addresses.unshift(target);
      customer.updatedAt = new Date(ctx.now()).toISOString();
      return out(addressGid(customer, 0), []);
    },
  },

  VigieCustomerAddressCreate: {
    field: "customerAddressCreate",
    scopes: ["write_customers"],
    requestedCost: () => COST.mutation,
    resolve(ctx, variables) {
      const customer = customerOf(ctx, variables.customerId);
      const out = (id: string | null, userErrors: UserErrorOut[]) => ({
        data: { customerAddressCreate: { address: id ? { id } : null, userErrors } },
        actualCost: COST.mutation,
      });
      if (!customer)
        return out(null, [{ field: ["customerId"], message: "Customer does not exist", code: "NOT_FOUND" }]);
      const target: SimAddress = { ...EMPTY, firstName: customer.firstName, lastName: customer.lastName };
      const errors = applyAddress(target, addressInput(variables));
      if (errors.length > 0) return out(null, errors);
      customer.addresses.unshift(target);
      customer.updatedAt = new Date(ctx.now()).toISOString();
      return out(addressGid(customer, 0), []);
    },
  },
};
