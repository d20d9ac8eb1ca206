// The store's legal policies through the Admin API: Vigie writes the privacy notice staff published
// as the shop's privacy policy (shopPolicyUpdate, scope write_legal_policies), only when staff ask.
import { z } from "zod";
import type { ShopifyAdminClient } from "./admin-client.server";
import { ShopifyAdminError } from "./errors";

/** Shopify keeps a policy body of at most 512 KB. */
export const POLICY_BODY_MAX_BYTES = 512 * 1024;

const UPDATE = `#graphql
  mutation VigieShopPolicyUpdate($shopPolicy: ShopPolicyInput!) {
    shopPolicyUpdate(shopPolicy: $shopPolicy) {
      shopPolicy { id type url updatedAt }
      userErrors { field message code }
    }
  }`;

const UpdateSchema = z.object({
  shopPolicyUpdate: z
    .object({
      shopPolicy: z
        .object({ id: z.string(), type: z.string(), url: z.string(), updatedAt: z.string() })
        .nullable(),
      userErrors: z.array(z.object({ code: z.string().nullable().optional(), message: z.string() })),
    })
    .nullable(),
});

export type PolicyPublishResult =
  | { ok: true; url: string }
  /** `access_denied`: the scope was not granted, or the staff member may not manage legal policies. */
  | { ok: false; reason: "access_denied" | "refused"; codes: string[] };

export type ShopifyStorePolicy = { publishPrivacyPolicy(bodyHtml: string): Promise<PolicyPublishResult> };

export function createShopifyStorePolicy(client: ShopifyAdminClient): ShopifyStorePolicy {
  return {
    async publishPrivacyPolicy(bodyHtml) {
      try {
        const data = await client.graphql(
          UPDATE,
          { shopPolicy: { type: "PRIVACY_POLICY", body: bodyHtml } },
          { schema: UpdateSchema },
        );
        const payload = data.shopPolicyUpdate;
        if (payload?.shopPolicy) return { ok: true, url: payload.shopPolicy.url };
        // Shopify's messages may echo the body: only codes are kept.
        return { ok: false, reason: "refused", codes: (payload?.userErrors ?? []).map((e) => e.code ?? "") };
      } catch (error) {
        if (error instanceof ShopifyAdminError && error.graphqlCodes.includes("ACCESS_DENIED")) {
          return { ok: false, reason: "access_denied", codes: ["ACCESS_DENIED"] };
        }
        throw error;
      }
    },
  };
}
