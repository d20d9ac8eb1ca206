// What crosses the Stripe boundary and is not typed by the SDK, validated with zod: the per-shop
// credentials staff enter, where the API is (Stripe itself, or the sandbox's simulator), and the
// answers of the Redaction Jobs preview API, which the SDK only reaches through rawRequest.
import { z } from "zod";

/**
 * Per-shop Stripe credentials. A secret (`sk_…`) or restricted (`rk_…`) key, test or live; the
 * webhook endpoint's signing secret (`whsec_…`) when Stripe events are received; and whether the
 * shop opted in to Redaction Jobs (a Stripe preview, off by default).
 */
export const stripeCredentialsSchema = z.object({
  secretKey: z
    .string()
    .trim()
    .regex(
      /^(sk|rk)_(test|live)_[A-Za-z0-9]{16,247}$/,
      "must be a secret (sk_…) or restricted (rk_…) API key",
    ),
  webhookSecret: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=]{16,128}$/, "must be a webhook signing secret (whsec_…)")
    .optional(),
  redactionJobs: z.boolean().optional(),
});
export type StripeCredentials = z.infer<typeof stripeCredentialsSchema>;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * Where the API is, when it is not api.stripe.com: the sandbox's simulator. Plain HTTP is refused
 * for anything but loopback, so a stored value can never send keys in clear over a network.
 */
export const stripeEndpointSchema = z
  .object({
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535),
    protocol: z.enum(["http", "https"]),
  })
  .refine((e) => e.protocol === "https" || LOOPBACK.has(e.host), {
    path: ["protocol"],
    message: "plain http is only allowed to a loopback host",
  });
export type StripeEndpoint = z.infer<typeof stripeEndpointSchema>;

/** Statuses of a Redaction Job (preview API, 2026). */
export const redactionJobStatusSchema = z.enum([
  "validating",
  "ready",
  "failed",
  "redacting",
  "succeeded",
  "canceled",
  "validated",
]);
export type RedactionJobStatus = z.infer<typeof redactionJobStatusSchema>;

/** A Redaction Job. Its id goes into URL paths, so it is held to a strict shape. */
export const redactionJobSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_]{4,128}$/),
  object: z.literal("privacy.redaction_job"),
  status: redactionJobStatusSchema,
});
export type RedactionJob = z.infer<typeof redactionJobSchema>;

/** `GET /v1/privacy/redaction_jobs/{id}/validation_errors`: what blocks the job. */
export const redactionValidationErrorsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      code: z.string(),
      erroring_object: z.looseObject({ id: z.string(), object_type: z.string() }).optional(),
    }),
  ),
});
