// What crosses the Mailchimp boundary, validated with zod: the per-shop credentials staff enter, and
// the slices of Marketing API v3.0 responses the connector reads. Response objects stay loose
// (unknown keys kept) because an access export must hand over everything Mailchimp returns.
import { z } from "zod";

/**
 * Per-shop Mailchimp credentials. The server prefix becomes part of a host name and the audience id
 * part of a URL path, so both are held to strict shapes: a stored value can never redirect calls
 * elsewhere. The prefix must be the API key's own data-centre suffix ("…-us21" → "us21").
 */
export const mailchimpCredentialsSchema = z
  .object({
    apiKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{16,64}-[a-z]{2,}\d{1,3}$/, "must look like <key>-<data centre>, e.g. …-us21"),
    serverPrefix: z
      .string()
      .trim()
      .regex(/^[a-z]{2,}\d{1,3}$/, "must be the data centre, e.g. us21"),
    audienceId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{4,32}$/, "must be the audience (list) id"),
    /** Archive (reversible, Mailchimp keeps the contact) instead of deleting permanently on erasure. */
    archiveInsteadOfDelete: z.boolean().optional(),
  })
  .refine((c) => c.apiKey.endsWith(`-${c.serverPrefix}`), {
    path: ["serverPrefix"],
    message: "must match the data centre at the end of the API key",
  });
export type MailchimpCredentials = z.infer<typeof mailchimpCredentialsSchema>;

/** Every status Mailchimp returns; `archived` is read-only (the result of an archive DELETE). */
export const memberStatusSchema = z.enum([
  "subscribed",
  "unsubscribed",
  "cleaned",
  "pending",
  "transactional",
  "archived",
]);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

/** One GDPR field of an audience, as carried on a member. Ids are per audience. */
export const marketingPermissionSchema = z.looseObject({
  marketing_permission_id: z.string(),
  text: z.string().optional(),
  enabled: z.boolean(),
});
export type MarketingPermission = z.infer<typeof marketingPermissionSchema>;

/** A list member (`GET/PUT/PATCH /lists/{id}/members/{hash}`); every other field is kept for the export. */
export const memberSchema = z.looseObject({
  /** The subscriber hash. */
  id: z.string(),
  email_address: z.string(),
  status: memberStatusSchema,
  last_changed: z.string().optional(),
  merge_fields: z.record(z.string(), z.unknown()).optional(),
  interests: z.record(z.string(), z.boolean()).optional(),
  marketing_permissions: z.array(marketingPermissionSchema).optional(),
});
export type Member = z.infer<typeof memberSchema>;

/** `GET /lists/{id}/members?fields=members.marketing_permissions`: only what we ask for. */
export const memberPermissionsPageSchema = z.looseObject({
  members: z.array(z.looseObject({ marketing_permissions: z.array(marketingPermissionSchema).optional() })),
});

/** An audience (`GET /lists/{id}?fields=id,name,marketing_permissions`). */
export const audienceSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  /** Whether the audience has GDPR fields; their ids are only visible on members. */
  marketing_permissions: z.boolean().optional(),
});
export type Audience = z.infer<typeof audienceSchema>;

/** `GET /ping`. */
export const pingSchema = z.looseObject({ health_status: z.string() });

const totalItems = z.number().int().nonnegative();

/** A member's tag, and a page of them (`GET …/tags`). */
export const tagSchema = z.looseObject({ id: z.number().optional(), name: z.string() });
export const tagsPageSchema = z.looseObject({ tags: z.array(tagSchema), total_items: totalItems });

/** One entry of the member's activity feed, and a page of them (`GET …/activity-feed`). */
export const activitySchema = z.looseObject({ activity_type: z.string().optional() });
export const activityPageSchema = z.looseObject({
  activity: z.array(activitySchema),
  total_items: totalItems,
});

/** A custom event recorded on the member, and a page of them (`GET …/events`). */
export const eventSchema = z.looseObject({ name: z.string() });
export const eventsPageSchema = z.looseObject({ events: z.array(eventSchema), total_items: totalItems });

/** A note staff wrote about the member, and a page of them (`GET …/notes`). */
export const noteSchema = z.looseObject({ id: z.number().optional(), note: z.string().optional() });
export const notesPageSchema = z.looseObject({ notes: z.array(noteSchema), total_items: totalItems });

/** A page of any member sub-collection, as the export reads it. */
export type Page = { items: Record<string, unknown>[]; totalItems: number };

/** Mailchimp's RFC 7807 problem document (`application/problem+json`). */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.looseObject({ field: z.string().optional(), message: z.string().optional() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
