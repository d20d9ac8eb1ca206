// The Mailchimp simulator's state: one audience, its members and the addresses Mailchimp has
// "forgotten" (permanently deleted). Holds the rules the real Marketing API enforces on members:
// the compliance state of self-unsubscribed and cleaned contacts, the refusal to re-import a
// forgotten address, archive versus permanent deletion. No I/O: mailchimp.server.ts serves it.
import { createHash, randomBytes } from "node:crypto";

/** Every member status the API shows (`archived` only results from an archive DELETE). */
export type SimMemberStatus =
  | "subscribed"
  | "unsubscribed"
  | "cleaned"
  | "pending"
  | "transactional"
  | "archived";

/** A GDPR field of the audience. */
export type SimPermission = { marketing_permission_id: string; text: string };

/** A member as stored: the API fields plus what the simulator needs to enforce Mailchimp's rules. */
export type SimMember = {
  id: string;
  email_address: string;
  unique_email_id: string;
  contact_id: string;
  web_id: number;
  status: SimMemberStatus;
  merge_fields: Record<string, unknown>;
  interests: Record<string, boolean>;
  language: string;
  vip: boolean;
  email_type: string;
  ip_signup: string;
  timestamp_signup: string;
  ip_opt: string;
  timestamp_opt: string;
  last_changed: string;
  source: string;
  /** Enabled flag per GDPR field id of the audience. */
  permissions: Record<string, boolean>;
  tags: { id: number; name: string; date_added: string }[];
  activity: Record<string, unknown>[];
  events: { name: string; occurred_at: string; properties: Record<string, string> }[];
  notes: { id: number; note: string; created_at: string; created_by: string; updated_at: string }[];
  /** Unsubscribed through Mailchimp's link, or cleaned: only double opt-in brings them back. */
  complianceHold: boolean;
  /** Confirmation e-mails "sent" (each move to pending). */
  confirmationEmails: number;
  /** Archiving answers 405 (as Mailchimp does for some contacts). */
  undeletable: boolean;
};

/** A member to load at start (the sandbox's demo shoppers, test fixtures). */
export type SeedMember = {
  email: string;
  status: SimMemberStatus;
  mergeFields?: Record<string, unknown>;
  tags?: string[];
  events?: { name: string; occurred_at?: string; properties?: Record<string, string> }[];
  activity?: Record<string, unknown>[];
  notes?: string[];
  /** For `unsubscribed`: through Mailchimp's own link (default, compliance state) or through the API. */
  unsubscribedBy?: "self" | "api";
  /** GDPR fields enabled (default: when subscribed). */
  permissionsEnabled?: boolean;
  undeletable?: boolean;
};

/** A Marketing API error, served as a problem document. */
export class SimProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(title);
  }
}

/** Mailchimp's 404. */
export const notFound = () =>
  new SimProblem(404, "Resource Not Found", "The requested resource could not be found.");

const invalid = (field: string, message: string) =>
  new SimProblem(
    400,
    "Invalid Resource",
    "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
    [{ field, message }],
  );

/** The subscriber hash: MD5 of the trimmed, lower-cased address. */
export function simHash(email: string): string {
  return createHash("md5").update(email.trim().toLowerCase()).digest("hex");
}

/** Mailchimp's timestamp format: ISO 8601 to the second, with an explicit offset. */
export function mcTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

const WRITABLE = new Set(["subscribed", "unsubscribed", "cleaned", "pending", "transactional"]);

/** One audience and its members, mutated by the simulator's routes and inspectable by tests. */
export class MailchimpStore {
  readonly members = new Map<string, SimMember>();
  readonly forgotten = new Set<string>();
  private nextId = 1;

  constructor(
    readonly audience: { id: string; name: string; webId: number; permissions: SimPermission[] },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The member with this address (archived ones included); undefined when absent or forgotten. */
  member(email: string): SimMember | undefined {
    return this.members.get(simHash(email));
  }

  /** Whether this address was permanently deleted (Mailchimp refuses to re-import it). */
  isForgotten(email: string): boolean {
    return this.forgotten.has(simHash(email));
  }

  /** Adds or replaces a member as if it had lived in the audience already. */
  seed(seed: SeedMember): SimMember {
    const member = this.create(seed.email, seed.status);
    // Demo names from the address ("camille.martin@…" → Camille Martin) unless given.
    const [first, last] = seed.email.split("@")[0]?.split(/[._-]/) ?? [];
    const capital = (s?: string) => (s ? `${s.charAt(0).toUpperCase()}${s.slice(1)}` : "");
    member.merge_fields = {
      ...member.merge_fields,
      FNAME: capital(first),
      LNAME: capital(last),
      ...seed.mergeFields,
    };
    member.complianceHold =
      seed.status === "cleaned" || (seed.status === "unsubscribed" && seed.unsubscribedBy !== "api");
    const enabled = seed.permissionsEnabled ?? seed.status === "subscribed";
    for (const id of Object.keys(member.permissions)) member.permissions[id] = enabled;
    const at = mcTime(this.now());
    member.tags = (seed.tags ?? []).map((name) => ({ id: this.nextId++, name, date_added: at }));
    member.events = (seed.events ?? []).map((e) => ({
      name: e.name,
      occurred_at: e.occurred_at ?? at,
      properties: e.properties ?? {},
    }));
    member.activity = seed.activity ?? [];
    member.notes = (seed.notes ?? []).map((note) => ({
      id: this.nextId++,
      note,
      created_at: at,
      created_by: "Shop staff",
      updated_at: at,
    }));
    member.undeletable = seed.undeletable ?? false;
    this.forgotten.delete(member.id);
    this.members.set(member.id, member);
    return member;
  }

  private create(email: string, status: SimMemberStatus): SimMember {
    const at = mcTime(this.now());
    const id = simHash(email);
    return {
      id,
      email_address: email.trim(),
      unique_email_id: randomBytes(5).toString("hex"),
      contact_id: randomBytes(16).toString("hex"),
      web_id: 100_000 + this.nextId++,
      status,
      merge_fields: { FNAME: "", LNAME: "", ADDRESS: "", PHONE: "", BIRTHDAY: "" },
      interests: {},
      language: "",
      vip: false,
      email_type: "html",
      ip_signup: "",
      timestamp_signup: "",
      ip_opt: "198.51.100.7",
      timestamp_opt: at,
      last_changed: at,
      source: "API - Generic",
      permissions: Object.fromEntries(
        this.audience.permissions.map((p) => [p.marketing_permission_id, false]),
      ),
      tags: [],
      activity: [],
      events: [],
      notes: [],
      complianceHold: false,
      confirmationEmails: 0,
      undeletable: false,
    };
  }

  /** The member behind a path segment: a hash, or (where Mailchimp allows it) a raw address. */
  resolve(idOrEmail: string, allowEmail: boolean): string {
    if (idOrEmail.includes("@")) {
      if (!allowEmail) throw notFound();
      return simHash(idOrEmail);
    }
    return idOrEmail.toLowerCase();
  }

  /** The live member with this hash, or a 404 problem. */
  get(hash: string): SimMember {
    const member = this.members.get(hash);
    if (!member) throw notFound();
    return member;
  }

  /** PUT: creates (status_if_new) or updates (status) the member. */
  upsert(hash: string, body: Record<string, unknown>): SimMember {
    const email = typeof body.email_address === "string" ? body.email_address : undefined;
    if (email === undefined) throw invalid("email_address", "This value should not be blank.");
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      throw new SimProblem(400, "Invalid Resource", "Please provide a valid email address.");
    }
    if (simHash(email) !== hash)
      throw invalid("email_address", "The email address does not match the subscriber hash.");
    const existing = this.members.get(hash);
    if (!existing) {
      if (this.forgotten.has(hash)) {
        throw new SimProblem(
          400,
          "Forgotten Email Not Subscribed",
          `${email.trim()} was permanently deleted and cannot be re-imported. The contact must re-subscribe to get back on the list.`,
        );
      }
      const status = body.status_if_new;
      if (typeof status !== "string" || !WRITABLE.has(status)) {
        throw invalid(
          "status_if_new",
          "This value should be one of: subscribed, unsubscribed, cleaned, pending, transactional.",
        );
      }
      const member = this.create(email, status as SimMemberStatus);
      if (status === "pending") member.confirmationEmails += 1;
      this.update(member, { ...body, status: undefined });
      this.members.set(hash, member);
      return member;
    }
    const status = body.status ?? (existing.status === "archived" ? body.status_if_new : undefined);
    return this.update(existing, { ...body, status });
  }

  /**
   * A new `email_address` in a PATCH: the member is keyed by its new hash. Mailchimp refuses it for
   * a contact it will not mail (cleaned, unsubscribed by themselves or by a bounce, archived), for an
   * address already in the audience and for a forgotten one.
   */
  private changeEmail(member: SimMember, value: unknown) {
    if (typeof value !== "string" || value.trim().toLowerCase() === member.email_address.toLowerCase())
      return;
    const email = value.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw new SimProblem(400, "Invalid Resource", "Please provide a valid email address.");
    if (member.status === "cleaned" || member.status === "archived" || member.complianceHold) {
      throw new SimProblem(
        400,
        "Invalid Resource",
        `The email address of ${member.email_address} cannot be changed while the contact is ${member.status}.`,
      );
    }
    const hash = simHash(email);
    if (this.members.has(hash))
      throw new SimProblem(400, "Member Exists", `${email} is already a list member.`);
    if (this.forgotten.has(hash)) {
      throw new SimProblem(
        400,
        "Forgotten Email Not Subscribed",
        `${email} was permanently deleted and cannot be re-imported.`,
      );
    }
    this.members.delete(member.id);
    member.id = hash;
    member.email_address = email;
    this.members.set(hash, member);
  }

  /** PATCH (and the update half of PUT): status rules, then the other fields. */
  update(member: SimMember, body: Record<string, unknown>): SimMember {
    this.changeEmail(member, body.email_address);
    const status = body.status;
    if (status !== undefined) {
      if (typeof status !== "string" || !WRITABLE.has(status)) {
        throw invalid(
          "status",
          "This value should be one of: subscribed, unsubscribed, cleaned, pending, transactional.",
        );
      }
      if (
        status === "subscribed" &&
        member.status !== "subscribed" &&
        (member.complianceHold || member.status === "cleaned")
      ) {
        throw new SimProblem(
          400,
          "Member In Compliance State",
          `${member.email_address} is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed.`,
        );
      }
      if (status !== member.status) {
        if (status === "pending") member.confirmationEmails += 1;
        this.setStatus(member, status as SimMemberStatus, "api");
      }
    }
    if (isRecord(body.merge_fields)) member.merge_fields = { ...member.merge_fields, ...body.merge_fields };
    if (isRecord(body.interests)) {
      for (const [id, on] of Object.entries(body.interests)) member.interests[id] = on === true;
    }
    if (typeof body.language === "string") member.language = body.language;
    if (typeof body.vip === "boolean") member.vip = body.vip;
    if (typeof body.email_type === "string") member.email_type = body.email_type;
    if (Array.isArray(body.marketing_permissions)) {
      for (const p of body.marketing_permissions) {
        // Unknown ids (or an audience without GDPR fields) are ignored, as Mailchimp does.
        if (
          isRecord(p) &&
          typeof p.marketing_permission_id === "string" &&
          p.marketing_permission_id in member.permissions
        ) {
          member.permissions[p.marketing_permission_id] = p.enabled === true;
        }
      }
    }
    member.last_changed = mcTime(this.now());
    return member;
  }

  /** Changes status and records it in the activity feed, as Mailchimp does. */
  setStatus(member: SimMember, status: SimMemberStatus, by: "api" | "self" | "bounce") {
    member.status = status;
    if (status === "unsubscribed" && by === "self") member.complianceHold = true;
    if (status === "cleaned") member.complianceHold = true;
    const at = mcTime(this.now());
    member.last_changed = at;
    if (status === "subscribed" || status === "unsubscribed") {
      member.activity.unshift({
        activity_type: status === "subscribed" ? "signup" : "unsub",
        created_at_timestamp: at,
      });
    }
  }

  /** The shopper clicked the double opt-in link: subscribed, compliance state lifted. */
  confirm(email: string): SimMember {
    const member = this.get(simHash(email));
    if (member.status !== "pending") throw new Error("only a pending member can confirm");
    member.complianceHold = false;
    this.setStatus(member, "subscribed", "self");
    return member;
  }

  /** A signup through Mailchimp's hosted form: subscribed with every GDPR field ticked, compliance
   * state lifted, and a forgotten address accepted again (the shopper chose to come back). */
  signup(email: string, mergeFields: Record<string, string>): SimMember {
    const hash = simHash(email);
    this.forgotten.delete(hash);
    const member = this.members.get(hash) ?? this.create(email, "subscribed");
    this.members.set(hash, member);
    member.merge_fields = { ...member.merge_fields, ...mergeFields };
    member.source = "Hosted Signup Form";
    member.ip_signup = "203.0.113.24";
    member.timestamp_signup = mcTime(this.now());
    member.complianceHold = false;
    for (const id of Object.keys(member.permissions)) member.permissions[id] = true;
    this.setStatus(member, "subscribed", "self");
    return member;
  }

  /** DELETE: archive. */
  archive(hash: string) {
    const member = this.get(hash);
    if (member.undeletable) {
      throw new SimProblem(
        405,
        "Method Not Allowed",
        "This list member cannot be removed.  Please contact support.",
      );
    }
    member.status = "archived";
    member.last_changed = mcTime(this.now());
  }

  /** POST actions/delete-permanent: everything about the member goes; the address is forgotten. */
  deletePermanently(hash: string) {
    this.get(hash);
    this.members.delete(hash);
    this.forgotten.add(hash);
  }

  /** The member as the API shows it. */
  toJson(member: SimMember): Record<string, unknown> {
    const {
      permissions,
      activity,
      events,
      notes,
      complianceHold,
      confirmationEmails,
      undeletable,
      ...fields
    } = member;
    return {
      ...fields,
      full_name: `${member.merge_fields.FNAME ?? ""} ${member.merge_fields.LNAME ?? ""}`.trim(),
      stats: { avg_open_rate: 0, avg_click_rate: 0 },
      member_rating: 2,
      location: { latitude: 0, longitude: 0, gmtoff: 0, dstoff: 0, country_code: "", timezone: "" },
      ...(this.audience.permissions.length
        ? {
            marketing_permissions: this.audience.permissions.map((p) => ({
              ...p,
              enabled: permissions[p.marketing_permission_id] ?? false,
            })),
          }
        : {}),
      tags_count: member.tags.length,
      tags: member.tags.map(({ id, name }) => ({ id, name })),
      list_id: this.audience.id,
      _links: [],
    };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
