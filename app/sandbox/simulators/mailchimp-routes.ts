// The slice of Marketing API v3.0 the simulator answers, as a pure function of the store: method,
// path (after /3.0), query and JSON body in; status and JSON body out. Errors are thrown as
// SimProblem and served as problem documents by mailchimp.server.ts.
import { type MailchimpStore, mcTime, notFound, type SimMember, SimProblem } from "./mailchimp-store";

/** One request as the routes see it (auth, throttling and faults are handled before). */
export type SimRequest = {
  method: string;
  /** Path below /3.0, e.g. /lists/abc/members/<hash>/tags. */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
};
/** 204s have no body. */
export type SimResponse = { status: number; body?: unknown };

/** `count` (default 10, at most 1000) and `offset` (default 0), as Mailchimp reads them. */
function pageOf<T>(items: T[], query: URLSearchParams): T[] {
  const count = Math.min(1000, Math.max(0, Number(query.get("count") ?? 10) || 0));
  const offset = Math.max(0, Number(query.get("offset") ?? 0) || 0);
  return items.slice(offset, offset + count);
}

/** `fields=a,b.c`: keeps only those paths (arrays are projected item by item). */
function pickFields(value: unknown, paths: string[][]): unknown {
  if (Array.isArray(value)) return value.map((v) => pickFields(v, paths));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const matching = paths.filter((p) => p[0] === key);
    if (matching.length === 0) continue;
    out[key] = matching.some((p) => p.length === 1)
      ? child
      : pickFields(
          child,
          matching.map((p) => p.slice(1)),
        );
  }
  return out;
}

/** `exclude_fields=a,b.c`: drops those paths. */
function dropFields(value: unknown, paths: string[][]): unknown {
  if (Array.isArray(value)) return value.map((v) => dropFields(v, paths));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const matching = paths.filter((p) => p[0] === key);
    if (matching.some((p) => p.length === 1)) continue;
    out[key] = matching.length
      ? dropFields(
          child,
          matching.map((p) => p.slice(1)),
        )
      : child;
  }
  return out;
}

function project(body: unknown, query: URLSearchParams): unknown {
  const split = (csv: string | null) =>
    (csv ?? "")
      .split(",")
      .filter(Boolean)
      .map((f) => f.trim().split("."));
  const fields = split(query.get("fields"));
  const excluded = split(query.get("exclude_fields"));
  let out = body;
  if (fields.length) out = pickFields(out, fields);
  if (excluded.length) out = dropFields(out, excluded);
  return out;
}

function audienceJson(store: MailchimpStore) {
  const members = [...store.members.values()];
  const count = (status: string) => members.filter((m) => m.status === status).length;
  return {
    id: store.audience.id,
    web_id: store.audience.webId,
    name: store.audience.name,
    contact: { company: store.audience.name, address1: "", city: "Paris", country: "FR" },
    permission_reminder: "You signed up for our newsletter.",
    use_archive_bar: true,
    campaign_defaults: { from_name: store.audience.name, from_email: "", subject: "", language: "fr" },
    date_created: "2022-10-31T09:00:00+00:00",
    list_rating: 3,
    email_type_option: false,
    visibility: "prv",
    double_optin: false,
    has_welcome: false,
    marketing_permissions: store.audience.permissions.length > 0,
    stats: {
      member_count: count("subscribed"),
      unsubscribe_count: count("unsubscribed"),
      cleaned_count: count("cleaned"),
    },
    _links: [],
  };
}

function activityFeed(member: SimMember, store: MailchimpStore, query: URLSearchParams) {
  return {
    activity: pageOf(member.activity, query),
    email_id: member.id,
    list_id: store.audience.id,
    total_items: member.activity.length,
  };
}

/** The older `/activity` endpoint: the last 50 actions, in its own field names. */
function recentActivity(member: SimMember, store: MailchimpStore) {
  const recent = member.activity.slice(0, 50).map((a) => ({
    action: a.activity_type,
    timestamp: a.created_at_timestamp,
    campaign_id: a.campaign_id ?? "",
    title: a.campaign_title ?? "",
  }));
  return { activity: recent, email_id: member.id, list_id: store.audience.id, total_items: recent.length };
}

const METHOD_NOT_ALLOWED = () =>
  new SimProblem(
    405,
    "Method Not Allowed",
    "The requested method and resource are not compatible. See the Allow header for this resource's available methods.",
  );

/** Answers one request against the store (throws SimProblem for API errors). */
export function route(store: MailchimpStore, req: SimRequest): SimResponse {
  const parts = req.path.split("/").filter(Boolean).map(decodeURIComponent);
  const { method, query, body } = req;
  const ok = (value: unknown): SimResponse => ({ status: 200, body: project(value, query) });

  if (parts.length === 1 && parts[0] === "ping") {
    if (method !== "GET") throw METHOD_NOT_ALLOWED();
    return ok({ health_status: "Everything's Chimpy!" });
  }
  if (parts[0] !== "lists" || parts[1] !== store.audience.id) throw notFound();
  if (parts.length === 2) {
    if (method !== "GET") throw METHOD_NOT_ALLOWED();
    return ok(audienceJson(store));
  }
  if (parts[2] !== "members") throw notFound();
  if (parts.length === 3) {
    if (method !== "GET") throw METHOD_NOT_ALLOWED();
    const live = [...store.members.values()].filter((m) => m.status !== "archived");
    return ok({
      members: pageOf(live, query).map((m) => store.toJson(m)),
      list_id: store.audience.id,
      total_items: live.length,
    });
  }
  const idParam = parts[3] ?? "";
  const sub = parts.slice(4).join("/");

  if (sub === "") {
    const hash = store.resolve(idParam, true);
    if (method === "GET") return ok(store.toJson(store.get(hash)));
    if (method === "PUT") return ok(store.toJson(store.upsert(hash, body)));
    if (method === "PATCH") return ok(store.toJson(store.update(store.get(hash), body)));
    if (method === "DELETE") {
      store.archive(hash);
      return { status: 204 };
    }
    throw METHOD_NOT_ALLOWED();
  }
  if (sub === "actions/delete-permanent") {
    if (method !== "POST") throw METHOD_NOT_ALLOWED();
    store.deletePermanently(store.resolve(idParam, false));
    return { status: 204 };
  }
  if (sub === "events") {
    const member = store.get(store.resolve(idParam, true));
    if (method === "POST") {
      if (typeof body.name !== "string")
        throw new SimProblem(400, "Invalid Resource", "Event name is required.");
      member.events.unshift({
        name: body.name,
        occurred_at: typeof body.occurred_at === "string" ? body.occurred_at : mcTime(new Date()),
        properties: (body.properties as Record<string, string>) ?? {},
      });
      return { status: 204 };
    }
    if (method !== "GET") throw METHOD_NOT_ALLOWED();
    return ok({ events: pageOf(member.events, query), total_items: member.events.length });
  }
  // Documented as hash-only: an address in the path finds nobody.
  const member = store.get(store.resolve(idParam, false));
  if (sub === "tags") {
    if (method === "POST") {
      const tags = Array.isArray(body.tags) ? (body.tags as { name?: unknown; status?: unknown }[]) : [];
      for (const tag of tags) {
        if (typeof tag.name !== "string") continue;
        member.tags = member.tags.filter((t) => t.name !== tag.name);
        if (tag.status === "active") {
          member.tags.push({ id: member.tags.length + 1, name: tag.name, date_added: mcTime(new Date()) });
        }
      }
      return { status: 204 };
    }
    if (method !== "GET") throw METHOD_NOT_ALLOWED();
    return ok({ tags: pageOf(member.tags, query), total_items: member.tags.length });
  }
  if (method !== "GET") throw METHOD_NOT_ALLOWED();
  if (sub === "activity-feed") return ok(activityFeed(member, store, query));
  if (sub === "activity") return ok(recentActivity(member, store));
  if (sub === "notes") {
    const notes = member.notes.map((n) => ({
      ...n,
      list_id: store.audience.id,
      email_id: member.id,
      contact_id: member.contact_id,
    }));
    return ok({ notes: pageOf(notes, query), total_items: notes.length });
  }
  throw notFound();
}
