// The Stripe simulator's wire format: bracket-notation form decoding (bodies and query strings),
// Stripe's error objects, parameter checks, and the two pagination shapes (lists with
// starting_after/ending_before, search with an opaque `page`). Pure functions, no I/O.

/** An error answered as Stripe answers: `{ error: { type, code, message, param } }` with this status. */
export class StripeSimError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = "StripeSimError";
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code
          ? { code: this.code, doc_url: `https://stripe.com/docs/error-codes/${this.code}` }
          : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

/** 404 `resource_missing`, worded as Stripe does ("No such customer: 'cus_…'"). */
export function noSuch(kind: string, id: string, param = "id"): StripeSimError {
  return new StripeSimError(
    404,
    "invalid_request_error",
    `No such ${kind}: '${id}'`,
    "resource_missing",
    param,
  );
}

/** 400 `invalid_request_error`. */
export function invalid(message: string, param?: string, code?: string): StripeSimError {
  return new StripeSimError(400, "invalid_request_error", message, code, param);
}

export type Params = Record<string, unknown>;

const INDEX = /^\d+$/;

/** Objects whose keys are 0..n-1 become arrays (`expand[0]=a`, `expand[]=a` and `a[b][0]=x` alike). */
function arraysFromIndexes(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => [k, arraysFromIndexes(v)] as const,
  );
  const keys = entries.map(([k]) => k);
  if (keys.length > 0 && keys.every((k, i) => INDEX.test(k) && Number(k) === i)) {
    return entries.map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

/**
 * Decodes `application/x-www-form-urlencoded` (or a query string) with Stripe's bracket notation:
 * `metadata[foo]=bar`, `expand[]=x`, `objects[customers][0]=cus_1`. Values stay strings; an empty
 * value is "" (Stripe's way of unsetting a field).
 */
export function decodeStripeForm(encoded: string): Params {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match?.[1]) throw invalid(`Invalid parameter name: ${rawKey}`);
    const path = [match[1], ...[...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "")];
    let node: Record<string, unknown> = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] as string;
      const key = segment === "" ? String(Object.keys(node).length) : segment;
      if (i === path.length - 1) {
        node[key] = value;
        break;
      }
      const next = node[key];
      if (typeof next === "object" && next !== null) node = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      }
    }
  }
  return arraysFromIndexes(root) as Params;
}

/** Stripe refuses parameters an endpoint does not take: 400 `parameter_unknown`. */
export function checkParams(params: Params, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) {
      throw invalid(`Received unknown parameter: ${key}`, key, "parameter_unknown");
    }
  }
}

/** The parameters every list endpoint takes. */
export const LIST_PARAMS = ["limit", "starting_after", "ending_before", "expand", "created"] as const;

/** A string parameter, or undefined; anything else is a 400 naming it. */
export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`Invalid string: ${name}`, name);
  return value;
}

/** `limit`: an integer from 1 to 100, 10 when absent. */
export function parseLimit(params: Params): number {
  const raw = params.limit;
  if (raw === undefined) return 10;
  const limit = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(limit)) throw invalid(`Invalid integer: ${String(raw)}`, "limit");
  if (limit < 1) throw invalid("This value must be greater than or equal to 1.", "limit");
  if (limit > 100) throw invalid("This value must be less than or equal to 100.", "limit");
  return limit;
}

/** `created=<unix>` or `created[gt|gte|lt|lte]=<unix>`, as a predicate on `created`. */
export function createdFilter(params: Params): (created: number) => boolean {
  const raw = params.created;
  if (raw === undefined) return () => true;
  const num = (v: unknown, param: string) => {
    const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n)) throw invalid(`Invalid integer: ${String(v)}`, param);
    return n;
  };
  if (typeof raw === "string") {
    const at = num(raw, "created");
    return (c) => c === at;
  }
  const range = raw as Record<string, unknown>;
  checkParams(range, ["gt", "gte", "lt", "lte"]);
  const gt = range.gt === undefined ? undefined : num(range.gt, "created[gt]");
  const gte = range.gte === undefined ? undefined : num(range.gte, "created[gte]");
  const lt = range.lt === undefined ? undefined : num(range.lt, "created[lt]");
  const lte = range.lte === undefined ? undefined : num(range.lte, "created[lte]");
  return (c) =>
    (gt === undefined || c > gt) &&
    (gte === undefined || c >= gte) &&
    (lt === undefined || c < lt) &&
    (lte === undefined || c <= lte);
}

/**
 * One page of a list, newest first as Stripe lists are. `starting_after` gives the next older
 * objects, `ending_before` the ones just newer (still newest first, as the SDK expects when it
 * pages backwards). An unknown cursor is a 404 naming the cursor parameter.
 */
export function listPage<T extends { id: string; created: number }>(
  sortedNewestFirst: T[],
  params: Params,
  url: string,
  kind: string,
): { object: "list"; data: T[]; has_more: boolean; url: string } {
  const limit = parseLimit(params);
  const after = stringParam(params, "starting_after");
  const before = stringParam(params, "ending_before");
  if (after && before)
    throw invalid("You may only specify one of these parameters: ending_before, starting_after.");
  const keep = createdFilter(params);
  const position = (id: string, param: string) => {
    const i = sortedNewestFirst.findIndex((o) => o.id === id);
    if (i < 0) throw noSuch(kind, id, param);
    return i;
  };
  if (before) {
    const newer = sortedNewestFirst
      .slice(0, position(before, "ending_before"))
      .filter((o) => keep(o.created));
    const start = Math.max(0, newer.length - limit);
    return { object: "list", data: newer.slice(start), has_more: start > 0, url };
  }
  const rest = (
    after ? sortedNewestFirst.slice(position(after, "starting_after") + 1) : sortedNewestFirst
  ).filter((o) => keep(o.created));
  return { object: "list", data: rest.slice(0, limit), has_more: rest.length > limit, url };
}

/** One page of a search result; `page` is an opaque cursor (here: the offset, encoded). */
export function searchPage<T>(
  matches: T[],
  params: Params,
  url: string,
): { object: "search_result"; data: T[]; has_more: boolean; next_page: string | null; url: string } {
  const limit = parseLimit(params);
  const page = stringParam(params, "page");
  let offset = 0;
  if (page) {
    const decoded = Number(
      Buffer.from(page, "base64url")
        .toString("utf8")
        .replace(/^offset:/, ""),
    );
    if (!Number.isInteger(decoded) || decoded < 0) throw invalid("Invalid page token.", "page");
    offset = decoded;
  }
  const data = matches.slice(offset, offset + limit);
  const hasMore = offset + limit < matches.length;
  return {
    object: "search_result",
    data,
    has_more: hasMore,
    next_page: hasMore ? Buffer.from(`offset:${offset + limit}`).toString("base64url") : null,
    url,
  };
}

type Clause = { field: string; operator: ":" | "~"; value: string };

/**
 * The slice of Stripe's search query language the simulator reads: clauses `field:'value'`
 * (exact) or `field~'value'` (substring, 3 characters at least) joined by spaces or AND, with
 * `metadata['key']` fields. Anything else is a 400 on `query`.
 */
export function parseSearchQuery(query: string): Clause[] {
  const clauses: Clause[] = [];
  const pattern =
    /\s*(?:AND\s+)?([a-z_]+(?:\[(?:'[^']*'|"[^"]*")\])?)\s*([:~])\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*/giy;
  let consumed = 0;
  for (let match = pattern.exec(query); match; match = pattern.exec(query)) {
    const value = (match[3] ?? match[4] ?? "").replace(/\\(.)/g, "$1");
    const field = (match[1] ?? "").replace(/\[['"](.*)['"]\]$/, ".$1");
    if (match[2] === "~" && value.length < 3) {
      throw invalid("Substring search requires at least 3 characters.", "query");
    }
    clauses.push({ field, operator: match[2] as ":" | "~", value });
    consumed = pattern.lastIndex;
  }
  if (clauses.length === 0 || consumed !== query.length) {
    throw invalid("The query could not be parsed. Please check the search query syntax.", "query");
  }
  return clauses;
}

/** Whether an object's field (dotted path) matches every clause. */
export function matchesSearch(object: Record<string, unknown>, clauses: Clause[]): boolean {
  return clauses.every((clause) => {
    let value: unknown = object;
    const path = clause.field.startsWith("metadata.")
      ? ["metadata", clause.field.slice("metadata.".length)]
      : clause.field.split(".");
    for (const key of path) {
      value =
        typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (typeof value !== "string") return false;
    return clause.operator === ":" ? value === clause.value : value.includes(clause.value);
  });
}
