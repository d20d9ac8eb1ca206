// Mutation resolvers of the simulator, with Shopify's input rules and userErrors:
// - customerEmailMarketingConsentUpdate accepts only SUBSCRIBED, UNSUBSCRIBED and PENDING, needs an
//   e-mail address, and (per Shopify's doc of consentUpdatedAt) keeps the most recent record: an
//   update dated before the current one is accepted but leaves the state as it was;
// - customerRequestDataErasure records a pending erasure and refuses a second request;
//   customerCancelDataErasure clears it;
// - shopPolicyUpdate needs write_legal_policies, a known ShopPolicyType and a body of at most 512 KB.
import {
  COST,
  consentOut,
  gid,
  type Resolver,
  type ResolverContext,
  VariableError,
} from "./shopify-admin-graphql";
import type { SimCustomer } from "./shopify-admin-store";

/** Shopify's ShopPolicyType values. */
const POLICY_TYPES = [
  "CONTACT_INFORMATION",
  "LEGAL_NOTICE",
  "PRIVACY_POLICY",
  "REFUND_POLICY",
  "SHIPPING_POLICY",
  "SUBSCRIPTION_POLICY",
  "TERMS_OF_SALE",
  "TERMS_OF_SERVICE",
];

const ALL_STATES = ["SUBSCRIBED", "UNSUBSCRIBED", "NOT_SUBSCRIBED", "PENDING", "REDACTED", "INVALID"];
const INPUT_STATES = ["SUBSCRIBED", "UNSUBSCRIBED", "PENDING"];
const OPT_IN_LEVELS = ["SINGLE_OPT_IN", "CONFIRMED_OPT_IN", "UNKNOWN"];

type UserErrorOut = { field: string[] | null; message: string; code: string | null };

function customerByGid(ctx: ResolverContext, value: unknown): SimCustomer | undefined {
  return typeof value === "string" && value.startsWith("gid://shopify/Customer/")
    ? ctx.store.customer(ctx.shop.domain, value)
    : undefined;
}

type ConsentInput = {
  customerId: unknown;
  marketingState: string;
  marketingOptInLevel: string | null;
  consentUpdatedAt: string | null;
};

/** GraphQL input coercion: wrong types and unknown enum values never reach the mutation. */
function consentInput(variables: Record<string, unknown>): ConsentInput {
  const input = variables.input as Record<string, unknown> | undefined;
  const consent = input?.emailMarketingConsent as Record<string, unknown> | undefined;
  if (!input || typeof input !== "object" || !consent || typeof consent !== "object") {
    throw new VariableError("input", "expected CustomerEmailMarketingConsentUpdateInput!");
  }
  const state = consent.marketingState;
  if (typeof state !== "string" || !ALL_STATES.includes(state)) {
    throw new VariableError("input", "marketingState: expected CustomerEmailMarketingState");
  }
  const level = consent.marketingOptInLevel ?? null;
  if (level !== null && (typeof level !== "string" || !OPT_IN_LEVELS.includes(level))) {
    throw new VariableError("input", "marketingOptInLevel: expected CustomerMarketingOptInLevel");
  }
  const at = consent.consentUpdatedAt ?? null;
  if (at !== null && (typeof at !== "string" || Number.isNaN(Date.parse(at)))) {
    throw new VariableError("input", "consentUpdatedAt: expected DateTime");
  }
  return {
    customerId: input.customerId,
    marketingState: state,
    marketingOptInLevel: level as string | null,
    consentUpdatedAt: at === null ? null : new Date(at as string).toISOString(),
  };
}

function consentPayload(customer: SimCustomer | null, userErrors: UserErrorOut[]) {
  return {
    customerEmailMarketingConsentUpdate: {
      customer: customer
        ? { id: gid("Customer", customer.id), emailMarketingConsent: consentOut(customer) }
        : null,
      userErrors,
    },
  };
}

function erasurePayload(field: string, customer: SimCustomer | null, userErrors: UserErrorOut[]) {
  return { [field]: { customerId: customer ? gid("Customer", customer.id) : null, userErrors } };
}

export const MUTATION_RESOLVERS: Record<string, Resolver> = {
  VigieEmailMarketingConsentUpdate: {
    field: "customerEmailMarketingConsentUpdate",
    scopes: ["write_customers"],
    requestedCost: () => COST.mutation,
    resolve(ctx, variables) {
      const input = consentInput(variables);
      const result = (customer: SimCustomer | null, userErrors: UserErrorOut[] = []) => ({
        data: consentPayload(customer, userErrors),
        actualCost: COST.mutation,
      });
      const customer = customerByGid(ctx, input.customerId);
      if (!customer) {
        return result(null, [
          { field: ["input", "customerId"], message: "Customer does not exist", code: "INVALID" },
        ]);
      }
      if (!INPUT_STATES.includes(input.marketingState)) {
        return result(null, [
          {
            field: ["input", "emailMarketingConsent", "marketingState"],
            message: "Marketing state is not included in the list",
            code: "INCLUSION",
          },
        ]);
      }
      if (!customer.email || !customer.emailMarketing) {
        return result(null, [
          {
            field: ["input", "emailMarketingConsent"],
            message: "An email address is required to set the email marketing consent state.",
            code: "INVALID",
          },
        ]);
      }
      const at = input.consentUpdatedAt ?? new Date(ctx.now()).toISOString();
      const current = customer.emailMarketing.consentUpdatedAt;
      if (current && Date.parse(current) > Date.parse(at)) return result(customer);
      const changed = ctx.store.setEmailConsent(customer, {
        state: input.marketingState,
        optInLevel: input.marketingOptInLevel,
        consentUpdatedAt: at,
      });
      if (changed) ctx.consentChanged(customer);
      return result(customer);
    },
  },

  VigieCustomerRequestDataErasure: {
    field: "customerRequestDataErasure",
    scopes: ["write_customer_data_erasure"],
    requestedCost: () => COST.mutation,
    resolve(ctx, variables) {
      const field = "customerRequestDataErasure";
      const customer = customerByGid(ctx, variables.customerId);
      if (!customer) {
        const error = { field: ["customerId"], message: "Customer does not exist", code: "DOES_NOT_EXIST" };
        return { data: erasurePayload(field, null, [error]), actualCost: COST.mutation };
      }
      if (customer.erasureRequestedAt) {
        const error = {
          field: ["customerId"],
          message: "Failed to request customer data erasure: an erasure is already requested.",
          code: "FAILED_TO_REQUEST",
        };
        return { data: erasurePayload(field, null, [error]), actualCost: COST.mutation };
      }
      customer.erasureRequestedAt = new Date(ctx.now()).toISOString();
      return { data: erasurePayload(field, customer, []), actualCost: COST.mutation };
    },
  },

  VigieCustomerCancelDataErasure: {
    field: "customerCancelDataErasure",
    scopes: ["write_customer_data_erasure"],
    requestedCost: () => COST.mutation,
    resolve(ctx, variables) {
      const field = "customerCancelDataErasure";
      const customer = customerByGid(ctx, variables.customerId);
      if (!customer) {
        const error = { field: ["customerId"], message: "Customer does not exist", code: "DOES_NOT_EXIST" };
        return { data: erasurePayload(field, null, [error]), actualCost: COST.mutation };
      }
      if (!customer.erasureRequestedAt) {
        const error = {
          field: ["customerId"],
          message: "Customer's data is not scheduled for erasure.",
          code: "NOT_BEING_ERASED",
        };
        return { data: erasurePayload(field, null, [error]), actualCost: COST.mutation };
      }
      customer.erasureRequestedAt = null;
      return { data: erasurePayload(field, customer, []), actualCost: COST.mutation };
    },
  },

  VigieShopPolicyUpdate: {
    field: "shopPolicyUpdate",
    scopes: ["write_legal_policies"],
    requestedCost: () => COST.mutation,
    resolve(ctx, variables) {
      const input = (variables.shopPolicy ?? {}) as { type?: unknown; body?: unknown };
      if (typeof input.type !== "string" || !POLICY_TYPES.includes(input.type)) {
        throw new VariableError(
          "shopPolicy",
          `Expected "${String(input.type)}" to be one of: ${POLICY_TYPES.join(", ")}`,
        );
      }
      if (typeof input.body !== "string")
        throw new VariableError("shopPolicy", "Expected value to not be null");
      const payload = (shopPolicy: unknown, userErrors: UserErrorOut[]) => ({
        data: { shopPolicyUpdate: { shopPolicy, userErrors } },
        actualCost: COST.mutation,
      });
      if (Buffer.byteLength(input.body, "utf8") > 512 * 1024) {
        return payload(null, [
          { field: ["shopPolicy", "body"], message: "Body is too long", code: "TOO_LONG" },
        ]);
      }
      const existing = ctx.shop.policies.get(input.type);
      const policy = {
        id: existing?.id ?? ctx.store.nextPolicyId(),
        body: input.body,
        updatedAt: new Date(ctx.now()).toISOString(),
      };
      ctx.shop.policies.set(input.type, policy);
      return payload(
        {
          id: `gid://shopify/ShopPolicy/${policy.id}`,
          type: input.type,
          url: `https://${ctx.shop.domain}/policies/${input.type.toLowerCase().replaceAll("_", "-")}`,
          updatedAt: policy.updatedAt,
        },
        [],
      );
    },
  },
};
