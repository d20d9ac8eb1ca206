// One Mailchimp client per shop, on the official SDK. The package's main export is a process-wide
// singleton whose setConfig replaces the whole configuration, so two shops' jobs in one worker
// would overwrite each other's key: every client constructs its own ApiClient instead.
// Around each SDK call: the per-key concurrency cap, a 15 s timeout, retries with exponential
// backoff and jitter on 429/5xx/network errors (never on other 4xx), errors mapped to
// MailchimpApiError, and the response parsed with zod.
import ApiClient from "@mailchimp/mailchimp_marketing/src/ApiClient.js";
import type { z } from "zod";
import { ConnectorError } from "~/connectors/connector";
import type { Logger } from "~/utils/logger.server";
import { MailchimpApiError, toMailchimpError } from "./errors";
import { limiterForKey } from "./key-limiter";
import {
  type Audience,
  activityPageSchema,
  audienceSchema,
  eventsPageSchema,
  type MailchimpCredentials,
  type MarketingPermission,
  type Member,
  memberPermissionsPageSchema,
  memberSchema,
  notesPageSchema,
  type Page,
  pingSchema,
  tagsPageSchema,
} from "./schemas";

/** Retries on 429, 5xx and network errors (timeouts included). */
export type RetryOptions = {
  /** Attempts after the first (default 3). */
  retries?: number;
  /** First delay (default 500 ms); doubles each attempt. */
  baseDelayMs?: number;
  /** Ceiling of one delay (default 8 s). */
  maxDelayMs?: number;
};

/** What createMailchimpClient takes. */
export type MailchimpClientOptions = {
  credentials: MailchimpCredentials;
  /** Overrides `https://<serverPrefix>.api.mailchimp.com/3.0` (the sandbox's simulator). */
  basePath?: string;
  /** Per request, default 15 000 ms (the SDK's own default is 120 s). */
  timeoutMs?: number;
  retry?: RetryOptions;
  log: Logger;
  /** Randomness for the jitter (tests). */
  random?: () => number;
};

/** The member sub-collections the export pages through. */
export type MemberCollection = "tags" | "activity" | "events" | "notes";

/** The Mailchimp calls Vigie makes; each rejects with MailchimpApiError (404 included). */
export type MailchimpClient = {
  readonly audienceId: string;
  readonly basePath: string;
  ping(): Promise<{ health_status: string }>;
  getAudience(): Promise<Audience>;
  /** The GDPR fields of the audience as seen on its first member ([] when none or no members). */
  samplePermissions(): Promise<MarketingPermission[]>;
  getMember(hash: string): Promise<Member>;
  /** PUT: creates or updates. */
  upsertMember(hash: string, body: Record<string, unknown>): Promise<Member>;
  /** PATCH: updates an existing member only. */
  updateMember(hash: string, body: Record<string, unknown>): Promise<Member>;
  archiveMember(hash: string): Promise<void>;
  deleteMemberPermanently(hash: string): Promise<void>;
  memberPage(hash: string, collection: MemberCollection, count: number, offset: number): Promise<Page>;
};

const DEFAULT_TIMEOUT_MS = 15_000;

/** Delay before retry `attempt` (1-based): base·2^(attempt-1), capped, times a jitter in [0.5, 1). */
export function backoffDelayMs(attempt: number, retry: Required<RetryOptions>, random: () => number) {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds a client for one shop's credentials (already validated with mailchimpCredentialsSchema). */
export function createMailchimpClient(options: MailchimpClientOptions): MailchimpClient {
  const { credentials, log } = options;
  const basePath = (options.basePath ?? `https://${credentials.serverPrefix}.api.mailchimp.com/3.0`).replace(
    /\/+$/,
    "",
  );
  const sdk = new ApiClient();
  // No `server` in the config: the SDK would otherwise replace the first "server" substring of every
  // URL, path parameters included. The data centre is already in basePath.
  sdk.setConfig({ apiKey: credentials.apiKey });
  sdk.basePath = basePath;
  sdk.timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const limiter = limiterForKey(credentials.apiKey);
  const retry: Required<RetryOptions> = {
    retries: options.retry?.retries ?? 3,
    baseDelayMs: options.retry?.baseDelayMs ?? 500,
    maxDelayMs: options.retry?.maxDelayMs ?? 8_000,
  };
  const random = options.random ?? Math.random;
  const listId = credentials.audienceId;

  async function call<S extends z.ZodType>(
    operation: string,
    schema: S | null,
    send: (api: ApiClient) => Promise<unknown>,
  ): Promise<z.infer<S>> {
    for (let attempt = 1; ; attempt++) {
      try {
        // The slot is held for the request only, not during the backoff sleep.
        const body = await limiter.run(() => send(sdk));
        if (schema === null) return undefined as z.infer<S>;
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
          const paths = parsed.error.issues.map((i) => i.path.join(".") || "(root)").join(", ");
          throw new ConnectorError(
            "mailchimp",
            `Mailchimp ${operation}: unexpected response (${paths})`,
            false,
          );
        }
        return parsed.data;
      } catch (raw) {
        const error = toMailchimpError(raw, operation);
        if (!(error instanceof MailchimpApiError) || !error.retryable || error.status === 403) throw error;
        if (attempt > retry.retries) throw error;
        const backoff = backoffDelayMs(attempt, retry, random);
        const delayMs = Math.min(retry.maxDelayMs, Math.max(backoff, (error.retryAfterSeconds ?? 0) * 1000));
        log.warn("mailchimp call failed, retrying", {
          operation,
          status: error.status,
          code: error.code,
          attempt,
          delayMs,
        });
        await sleep(delayMs);
      }
    }
  }

  const readPage = async <S extends z.ZodType<{ total_items: number }>>(
    collection: MemberCollection,
    schema: S,
    send: (api: ApiClient) => Promise<unknown>,
    items: (page: z.infer<S>) => Record<string, unknown>[],
  ): Promise<Page> => {
    const body = await call(`memberPage.${collection}`, schema, send);
    return { items: items(body), totalItems: body.total_items };
  };

  const memberPages: Record<
    MemberCollection,
    (hash: string, count: number, offset: number) => Promise<Page>
  > = {
    tags: (hash, count, offset) =>
      readPage(
        "tags",
        tagsPageSchema,
        (api) => api.lists.getListMemberTags(listId, hash, { count, offset }),
        (p) => p.tags,
      ),
    activity: (hash, count, offset) =>
      readPage(
        "activity",
        activityPageSchema,
        (api) => api.lists.getListMemberActivityFeed(listId, hash, { count, offset }),
        (p) => p.activity,
      ),
    events: (hash, count, offset) =>
      readPage(
        "events",
        eventsPageSchema,
        (api) => api.lists.getListMemberEvents(listId, hash, { count, offset }),
        (p) => p.events,
      ),
    notes: (hash, count, offset) =>
      readPage(
        "notes",
        notesPageSchema,
        (api) => api.lists.getListMemberNotes(listId, hash, { count, offset }),
        (p) => p.notes,
      ),
  };

  return {
    audienceId: listId,
    basePath,
    ping: () => call("ping", pingSchema, (api) => api.ping.get()),
    getAudience: () =>
      call("getAudience", audienceSchema, (api) =>
        api.lists.getList(listId, { fields: ["id", "name", "marketing_permissions"] }),
      ),
    samplePermissions: async () => {
      const page = await call("samplePermissions", memberPermissionsPageSchema, (api) =>
        api.lists.getListMembersInfo(listId, { count: 1, fields: ["members.marketing_permissions"] }),
      );
      return page.members[0]?.marketing_permissions ?? [];
    },
    getMember: (hash) => call("getMember", memberSchema, (api) => api.lists.getListMember(listId, hash)),
    upsertMember: (hash, body) =>
      call("upsertMember", memberSchema, (api) => api.lists.setListMember(listId, hash, body)),
    updateMember: (hash, body) =>
      call("updateMember", memberSchema, (api) => api.lists.updateListMember(listId, hash, body)),
    archiveMember: async (hash) => {
      await call("archiveMember", null, (api) => api.lists.deleteListMember(listId, hash));
    },
    deleteMemberPermanently: async (hash) => {
      await call("deleteMemberPermanently", null, (api) => api.lists.deleteListMemberPermanent(listId, hash));
    },
    memberPage: (hash, collection, count, offset) => memberPages[collection](hash, count, offset),
  };
}
