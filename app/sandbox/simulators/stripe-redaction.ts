// Stripe's Redaction Jobs (public preview, `/v1/privacy/redaction_jobs`, reached with the SDK's
// rawRequest): a job names customers or Checkout sessions, is validated (`validating` → `ready`,
// or `failed` with validation errors), then run (`redacting` → `succeeded`), after which the
// personal fields of the objects and of what points at them read "[redacted]". Transitions happen
// when the job is read, after configurable delays. What blocks a job here follows Stripe's
// deletion-requests guide: attached payment methods, unused payment intents, draft or open
// invoices, open disputes, and transactions younger than 90 days. The error codes are the
// simulator's own labels: the preview's exact codes are not published.
import { randomBytes } from "node:crypto";
import { checkParams, invalid, listPage, noSuch, type Params, parseLimit, stringParam } from "./stripe-http";
import type { SimRecord } from "./stripe-objects";
import type { Route } from "./stripe-routes";
import type { StripeStore } from "./stripe-store";

export type RedactionJobStatus = "validating" | "ready" | "failed" | "redacting" | "succeeded" | "canceled";

export type RedactionValidationError = {
  id: string;
  object: "privacy.redaction_job_validation_error";
  code: string;
  erroring_object: { id: string; object_type: string };
  message: string;
};

export type SimRedactionJob = {
  id: string;
  object: "privacy.redaction_job";
  created: number;
  livemode: false;
  objects: { customers: string[]; checkout_sessions: string[] };
  status: RedactionJobStatus;
  validation_behavior: "error" | "fix";
};

/** Stripe redacts a transaction only once the 90-day fraud window has passed. */
export const REDACTION_MIN_AGE_DAYS = 90;

const OPEN_DISPUTE = ["needs_response", "under_review", "warning_needs_response", "warning_under_review"];
const UNUSED_INTENT = ["requires_payment_method", "requires_confirmation", "requires_action"];
const TRANSACTION_DONE = ["succeeded", "processing", "pending", "requires_capture"];

export type RedactionTiming = {
  /** How long a job stays `validating` (ms, default 100). */
  validationMs?: number;
  /** How long a job stays `redacting` (ms, default 200). */
  redactionMs?: number;
};

type JobState = { job: SimRedactionJob; until: number; errors: RedactionValidationError[] };

/** The redaction jobs of one simulated account. */
export class RedactionJobs {
  readonly jobs = new Map<string, JobState>();
  readonly routes: Route[];

  constructor(
    private readonly store: StripeStore,
    private readonly timing: Required<RedactionTiming>,
  ) {
    this.routes = this.buildRoutes();
  }

  /** The job as it is now (advancing its state first), or undefined. */
  get(id: string): SimRedactionJob | undefined {
    const state = this.jobs.get(id);
    if (!state) return undefined;
    this.advance(state);
    return state.job;
  }

  private nowMs() {
    return this.store.now().getTime();
  }

  private advance(state: JobState) {
    if (this.nowMs() < state.until) return;
    if (state.job.status === "validating") {
      state.errors = this.validate(state.job);
      state.job.status = state.errors.length > 0 ? "failed" : "ready";
    } else if (state.job.status === "redacting") {
      this.store.redactCustomers(state.job.objects.customers);
      this.store.redactCheckoutSessions(state.job.objects.checkout_sessions);
      state.job.status = "succeeded";
    }
  }

  /** What blocks the job; with `validation_behavior=fix`, what Stripe can fix is fixed at validation. */
  private validate(job: SimRedactionJob): RedactionValidationError[] {
    const store = this.store;
    const fix = job.validation_behavior === "fix";
    const errors: RedactionValidationError[] = [];
    const youngest = store.unixNow() - REDACTION_MIN_AGE_DAYS * 86_400;
    const add = (code: string, object: SimRecord, message: string) =>
      errors.push({
        id: `rdjve_${randomBytes(8).toString("hex")}`,
        object: "privacy.redaction_job_validation_error",
        code,
        erroring_object: { id: object.id, object_type: object.object },
        message,
      });
    const customers = new Set(job.objects.customers);
    const intents = new Set<string>();
    for (const id of job.objects.checkout_sessions) {
      const intent = store.checkoutSessions.get(id)?.payment_intent;
      if (typeof intent === "string") intents.add(intent);
    }
    const concerns = (o: SimRecord) =>
      (typeof o.customer === "string" && customers.has(o.customer)) ||
      (typeof o.payment_intent === "string" && intents.has(o.payment_intent)) ||
      intents.has(o.id);
    for (const pm of store.paymentMethods.values()) {
      if (typeof pm.customer !== "string" || !customers.has(pm.customer)) continue;
      if (fix) pm.customer = null;
      else add("payment_method_attached", pm, "Detach this payment method before redacting its customer.");
    }
    for (const intent of store.paymentIntents.values()) {
      if (!concerns(intent)) continue;
      if (UNUSED_INTENT.includes(intent.status as string)) {
        if (fix) intent.status = "canceled";
        else add("unused_payment_intent", intent, "Cancel this PaymentIntent before redacting.");
      } else if (TRANSACTION_DONE.includes(intent.status as string) && intent.created > youngest) {
        add(
          "transaction_too_recent",
          intent,
          `Transactions can be redacted ${REDACTION_MIN_AGE_DAYS} days after they occur.`,
        );
      }
    }
    for (const charge of store.charges.values()) {
      if (concerns(charge) && charge.created > youngest) {
        add(
          "transaction_too_recent",
          charge,
          `Transactions can be redacted ${REDACTION_MIN_AGE_DAYS} days after they occur.`,
        );
      }
    }
    for (const invoice of store.invoices.values()) {
      if (!concerns(invoice) || (invoice.status !== "draft" && invoice.status !== "open")) continue;
      if (fix && invoice.status === "draft") store.invoices.delete(invoice.id);
      else if (fix) invoice.status = "void";
      else add("invoice_not_finalized", invoice, "Void or finalize and pay this invoice before redacting.");
    }
    for (const dispute of store.disputes.values()) {
      const charge = store.charges.get(dispute.charge as string);
      if (charge && concerns(charge) && OPEN_DISPUTE.includes(dispute.status as string)) {
        add("open_dispute", dispute, "Close this dispute before redacting.");
      }
    }
    return errors;
  }

  private create(params: Params): SimRedactionJob {
    checkParams(params, ["objects", "validation_behavior", "expand"]);
    const behavior = stringParam(params, "validation_behavior") ?? "error";
    if (behavior !== "error" && behavior !== "fix") {
      throw invalid("Invalid validation_behavior: must be one of error, fix", "validation_behavior");
    }
    const objects = params.objects;
    if (typeof objects !== "object" || objects === null || Array.isArray(objects)) {
      throw invalid("Missing required param: objects.", "objects", "parameter_missing");
    }
    // The real API takes more kinds (charges, invoices, …); the simulator redacts these two.
    checkParams(objects as Params, ["customers", "checkout_sessions"]);
    const ids = (kind: "customers" | "checkout_sessions") => {
      const value = (objects as Params)[kind];
      if (value === undefined) return [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
        throw invalid(`Invalid array: objects[${kind}]`, `objects[${kind}]`);
      }
      return value as string[];
    };
    const customers = ids("customers");
    const sessions = ids("checkout_sessions");
    if (customers.length + sessions.length === 0)
      throw invalid("objects must name at least one object.", "objects");
    customers.forEach((id, i) => {
      const c = this.store.customers.get(id);
      if (!c || c.deleted) throw noSuch("customer", id, `objects[customers][${i}]`);
    });
    sessions.forEach((id, i) => {
      if (!this.store.checkoutSessions.has(id))
        throw noSuch("checkout session", id, `objects[checkout_sessions][${i}]`);
    });
    const job: SimRedactionJob = {
      id: `rdj_${randomBytes(12).toString("hex")}`,
      object: "privacy.redaction_job",
      created: this.store.unixNow(),
      livemode: false,
      objects: { customers, checkout_sessions: sessions },
      status: "validating",
      validation_behavior: behavior,
    };
    this.jobs.set(job.id, { job, until: this.nowMs() + this.timing.validationMs, errors: [] });
    return job;
  }

  private state(id: string): JobState {
    const state = this.jobs.get(id);
    if (!state) throw noSuch("redaction job", id);
    this.advance(state);
    return state;
  }

  private buildRoutes(): Route[] {
    const ID = "([^/]+)";
    const transition = (from: RedactionJobStatus[], verb: string, id: string): JobState => {
      const state = this.state(id);
      if (!from.includes(state.job.status)) {
        throw invalid(
          `You cannot ${verb} a redaction job with status ${state.job.status}.`,
          undefined,
          "redaction_job_unexpected_state",
        );
      }
      return state;
    };
    return [
      {
        method: "POST",
        pattern: /^\/v1\/privacy\/redaction_jobs$/,
        handle: ({ params }) => this.create(params),
      },
      {
        method: "GET",
        pattern: /^\/v1\/privacy\/redaction_jobs$/,
        handle: ({ params, path }) => {
          checkParams(params, ["limit", "starting_after", "ending_before", "status"]);
          const status = stringParam(params, "status");
          const jobs = [...this.jobs.values()]
            .map((s) => {
              this.advance(s);
              return s.job;
            })
            .filter((j) => status === undefined || j.status === status)
            .reverse();
          return listPage(jobs, params, path, "redaction job");
        },
      },
      {
        method: "GET",
        pattern: new RegExp(`^/v1/privacy/redaction_jobs/${ID}$`),
        handle: (_ctx, [id = ""]) => this.state(id).job,
      },
      {
        method: "GET",
        pattern: new RegExp(`^/v1/privacy/redaction_jobs/${ID}/validation_errors$`),
        handle: ({ params, path }, [id = ""]) => {
          checkParams(params, ["limit"]);
          const errors = this.state(id).errors;
          const limit = parseLimit(params);
          return { object: "list", data: errors.slice(0, limit), has_more: errors.length > limit, url: path };
        },
      },
      {
        method: "POST",
        pattern: new RegExp(`^/v1/privacy/redaction_jobs/${ID}/run$`),
        handle: (_ctx, [id = ""]) => {
          const state = transition(["ready"], "run", id);
          state.job.status = "redacting";
          state.until = this.nowMs() + this.timing.redactionMs;
          return state.job;
        },
      },
      {
        method: "POST",
        pattern: new RegExp(`^/v1/privacy/redaction_jobs/${ID}/validate$`),
        handle: (_ctx, [id = ""]) => {
          const state = transition(["ready", "failed"], "validate", id);
          state.job.status = "validating";
          state.until = this.nowMs() + this.timing.validationMs;
          return state.job;
        },
      },
      {
        method: "POST",
        pattern: new RegExp(`^/v1/privacy/redaction_jobs/${ID}/cancel$`),
        handle: (_ctx, [id = ""]) => {
          const state = transition(["ready", "failed"], "cancel", id);
          state.job.status = "canceled";
          return state.job;
        },
      },
    ];
  }
}
