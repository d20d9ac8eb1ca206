// The Mailchimp connector: one shop's audience seen through the Connector interface. A shopper is
// found by subscriber hash (MD5 of the lower-cased e-mail); without an e-mail there is nothing to
// find. Failures a job should retry (network, 429, 5xx after the client's own retries) are thrown as
// MailchimpApiError (a ConnectorError); answers the verb can express are returned as results.
import type { ApplyConsentResult, Connector, ConsentChange, SubjectRef } from "~/connectors/connector";
import { ConnectorError } from "~/connectors/connector";
import type { ErasureReceipt, ErasureStep } from "~/domain/systems";
import { type Logger, logger } from "~/utils/logger.server";
import { createMailchimpClient, type MailchimpClient, type RetryOptions } from "./client.server";
import { applyMailchimpConsent, consentFromMember, findMember } from "./consent.server";
import { isMailchimpError, MailchimpApiError } from "./errors";
import { DEFAULT_PAGE_SIZE, exportMailchimpMember } from "./export.server";
import { readMailchimpProfile, rectifyMailchimp } from "./rectification.server";
import { type MailchimpCredentials, mailchimpCredentialsSchema } from "./schemas";
import { subjectHash } from "./subscriber-hash";

/** What createMailchimpConnector takes: the shop's stored credentials and, in the sandbox and tests, the simulator. */
export type MailchimpConnectorOptions = {
  /** Unvalidated: checked here against mailchimpCredentialsSchema. */
  credentials: unknown;
  /** The simulator's base path (`http://127.0.0.1:<port>/3.0`); Mailchimp's own otherwise. */
  basePath?: string;
  log?: Logger;
  retry?: RetryOptions;
  timeoutMs?: number;
  /** Page size of the export's sub-collections (1–1000). */
  pageSize?: number;
};

/** Credentials that do not pass mailchimpCredentialsSchema; names the fields, never their values. */
export class MailchimpCredentialsError extends ConnectorError {
  constructor(readonly fields: string[]) {
    super("mailchimp", `Invalid Mailchimp credentials: ${fields.join(", ")}`, false);
    this.name = "MailchimpCredentialsError";
  }
}

/** Validates credentials; throws MailchimpCredentialsError naming the bad fields. */
export function parseMailchimpCredentials(input: unknown): MailchimpCredentials {
  const parsed = mailchimpCredentialsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(credentials)"))];
  throw new MailchimpCredentialsError(fields);
}

const STEP_DELETE = "delete-permanent";
const STEP_ARCHIVE = "archive";

/** How a failure reads for staff: status and Mailchimp's title, no personal data. */
function describe(error: unknown): string {
  if (error instanceof MailchimpApiError) {
    if (error.status === 401) return `Mailchimp rejected the API key (401 ${error.title}).`;
    if (error.status === 404 && error.operation === "getAudience")
      return "The audience (list) id does not exist.";
    return error.message;
  }
  return error instanceof Error ? error.name : "Unknown error";
}

/**
 * A Connector for one shop's Mailchimp audience. Throws MailchimpCredentialsError for invalid
 * credentials. With `archiveInsteadOfDelete`, erasure archives the member instead of deleting it.
 */
export function createMailchimpConnector(options: MailchimpConnectorOptions): Connector {
  const credentials = parseMailchimpCredentials(options.credentials);
  const log = (options.log ?? logger).child("mailchimp");
  const client: MailchimpClient = createMailchimpClient({
    credentials,
    basePath: options.basePath,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    log,
  });
  const pageSize = Math.min(1000, Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE));
  const audience = credentials.audienceId;
  const archive = credentials.archiveInsteadOfDelete === true;

  const stepKind = (id: string) =>
    id === `mailchimp:${audience}:${STEP_DELETE}`
      ? STEP_DELETE
      : id === `mailchimp:${audience}:${STEP_ARCHIVE}`
        ? STEP_ARCHIVE
        : null;

  const receipt = (
    stepId: string,
    outcome: ErasureReceipt["outcome"],
    extra: Partial<ErasureReceipt> = {},
  ) => ({
    stepId,
    outcome,
    at: new Date(),
    ...extra,
  });

  return {
    name: "mailchimp",

    async testConnection() {
      try {
        await client.ping();
        const found = await client.getAudience();
        return { ok: true, detail: `Audience ${found.id} reachable.` };
      } catch (error) {
        log.warn("mailchimp connection test failed", { error: describe(error) });
        return { ok: false, detail: describe(error) };
      }
    },

    async locate(subject: SubjectRef) {
      const hash = subjectHash(subject);
      if (hash === null) return { found: false, refs: [] };
      const member = await findMember(client, hash);
      return member === null
        ? { found: false, refs: [] }
        : { found: true, refs: [`${audience}/${member.id}`] };
    },

    async readConsent(subject: SubjectRef) {
      const hash = subjectHash(subject);
      if (hash === null) return { status: "not_found" };
      return consentFromMember(await findMember(client, hash));
    },

    async applyConsent(subject: SubjectRef, change: ConsentChange): Promise<ApplyConsentResult> {
      const hash = subjectHash(subject);
      if (hash === null || !subject.email) {
        return { outcome: "not_found", detail: "No e-mail address is known for this shopper." };
      }
      const result = await applyMailchimpConsent(client, hash, subject.email.trim(), change);
      log.info("mailchimp consent applied", { subjectId: subject.subjectId, outcome: result.outcome });
      return result;
    },

    exportSubject(subject: SubjectRef) {
      const hash = subjectHash(subject);
      if (hash === null) return (async function* () {})();
      return exportMailchimpMember(client, hash, pageSize);
    },

    async planErasure(subject: SubjectRef): Promise<ErasureStep[]> {
      // No I/O: the dry run must work while Mailchimp is down; a member absent at execution time
      // is reported `not_found`, which counts as done.
      if (subjectHash(subject) === null) return [];
      if (archive) {
        return [
          {
            id: `mailchimp:${audience}:${STEP_ARCHIVE}`,
            action: "archive",
            target: `Mailchimp contact in audience ${audience} (archived)`,
            reason:
              "The shop chose to archive instead of deleting: the contact leaves the audience and can be " +
              "re-added, but Mailchimp keeps its data and history, so this is not a permanent erasure.",
          },
        ];
      }
      return [
        {
          id: `mailchimp:${audience}:${STEP_DELETE}`,
          action: "delete",
          target: `Mailchimp contact in audience ${audience} (permanent deletion)`,
          reason:
            "Permanent deletion removes the contact's personal data and history from Mailchimp; it cannot be " +
            "undone and Mailchimp will refuse to re-import the address (only a signup by the shopper brings it back).",
        },
      ];
    },

    async executeErasureStep(subject: SubjectRef, step: ErasureStep): Promise<ErasureReceipt> {
      const hash = subjectHash(subject);
      if (hash === null) return receipt(step.id, "not_found", { detail: "No e-mail address is known." });
      const kind = stepKind(step.id);
      if (kind === null)
        return receipt(step.id, "failed", { detail: "Not a step of this Mailchimp audience's plan." });
      try {
        if (kind === STEP_DELETE) await client.deleteMemberPermanently(hash);
        else await client.archiveMember(hash);
        log.info("mailchimp erasure step done", { subjectId: subject.subjectId, step: kind });
        return receipt(step.id, "done", { vendorRef: `${audience}/${hash}` });
      } catch (error) {
        if (isMailchimpError(error, 404)) return receipt(step.id, "not_found");
        if (error instanceof MailchimpApiError && !error.retryable) {
          const detail =
            error.status === 405
              ? "Mailchimp will not archive this contact (405 Method Not Allowed); Mailchimp support must remove it."
              : `Mailchimp refused the ${kind === STEP_DELETE ? "deletion" : "archive"} (${error.status} ${error.title}).`;
          log.warn("mailchimp erasure step failed", {
            subjectId: subject.subjectId,
            step: kind,
            status: error.status,
          });
          return receipt(step.id, "failed", { detail });
        }
        throw error;
      }
    },

    readProfile(subject: SubjectRef) {
      return readMailchimpProfile(client, subject);
    },

    rectify(subject: SubjectRef, changes) {
      return rectifyMailchimp(client, subject, changes);
    },
  };
}
