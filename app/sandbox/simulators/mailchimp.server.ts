// A Mailchimp Marketing API v3.0 simulator on 127.0.0.1: the sandbox's "Mailchimp" (the demo store
// gets a working audience without an account) and the server the connector's tests drive the
// unchanged official SDK against. Faithful where Vigie depends on it: Basic auth, problem documents,
// the compliance state, forgotten addresses, archive vs permanent deletion, 10 simultaneous
// connections per key, count/offset paging, unsigned form-encoded webhooks. See
// docs/decisions/014-mailchimp-connector.md for what it leaves out.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { route } from "./mailchimp-routes";
import { MailchimpStore, type SeedMember, type SimPermission, SimProblem } from "./mailchimp-store";
import { mailchimpSideActions } from "./mailchimp-webhooks.server";

type MailchimpSideActions = ReturnType<typeof mailchimpSideActions>;

export type { SeedMember, SimMember } from "./mailchimp-store";

/** Everything is optional: the defaults give an empty audience without GDPR fields. */
export type MailchimpSimulatorOptions = {
  /** Default: a random `<32 hex>-<serverPrefix>` key. */
  apiKey?: string;
  /** Default `us21`. */
  serverPrefix?: string;
  /** Default: 10 random hex characters. */
  audienceId?: string;
  audienceName?: string;
  /** GDPR fields of the audience: true for Mailchimp's usual three, or your own list (default none). */
  gdpr?: boolean | SimPermission[];
  members?: SeedMember[];
  /** Simultaneous requests per API key before 429 (Mailchimp: 10). */
  maxConnections?: number;
  /** Delay before each answer, so concurrent calls overlap as they would over the Internet. */
  latencyMs?: number;
  now?: () => Date;
};

/** An HTTP status to answer with, or "reset" to drop the connection. */
export type SimulatedFault = number | "reset";

/** One request as the simulator saw it (status 0: connection dropped by a fault). */
export type SimulatorCall = { method: string; path: string; query: Record<string, string>; status: number };

/** A running simulator: where it listens, its credentials, its state and its controls. */
export type MailchimpSimulator = {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** What the SDK's `basePath` takes: `<baseUrl>/3.0`. */
  basePath: string;
  apiKey: string;
  serverPrefix: string;
  audienceId: string;
  state: MailchimpStore;
  stats: {
    /** Most requests of one key in flight at once, as seen by the server (429s included). */
    maxConcurrent: number;
    requests: number;
    /** Requests refused for going over the connection limit. */
    throttled: number;
    /** The last 5 000 requests, oldest first. */
    calls: SimulatorCall[];
  };
  faults: {
    /** The next `count` authenticated requests fail: with this status (a problem document, or no body
     * when `withBody` is false), or "reset" to drop the connection. */
    next(fault: SimulatedFault, count?: number, options?: { withBody?: boolean }): void;
    clear(): void;
  };
  /** Mailchimp-side events (unsubscribe link, hard bounce, hosted signup form): each changes the
   * audience and, given a `webhookUrl`, POSTs the form-encoded webhook there and resolves with its
   * HTTP status. See mailchimp-webhooks.server.ts. */
  simulateUnsubscribe: MailchimpSideActions["simulateUnsubscribe"];
  simulateCleaned: MailchimpSideActions["simulateCleaned"];
  simulateSignup: MailchimpSideActions["simulateSignup"];
  stop(): Promise<void>;
};

const DEFAULT_PERMISSIONS: SimPermission[] = [
  { marketing_permission_id: "a1b2c3d4e5", text: "Email" },
  { marketing_permission_id: "f6a7b8c9d0", text: "Direct Mail" },
  { marketing_permission_id: "1a2b3c4d5e", text: "Customized Online Advertising" },
];

const TITLES: Record<number, [string, string]> = {
  400: ["Bad Request", "The request could not be processed."],
  403: ["Forbidden", "You don't have permission to access this resource."],
  404: ["Resource Not Found", "The requested resource could not be found."],
  429: ["Too Many Requests", "You have exceeded the limit of 10 simultaneous connections."],
  500: [
    "Internal Server Error",
    "An unexpected internal error has occurred. Please contact Support for more information.",
  ],
  503: ["Service Unavailable", "This service is temporarily unavailable. Please try again later."],
};

function sendProblem(res: http.ServerResponse, problem: SimProblem) {
  const body = JSON.stringify({
    type: "https://mailchimp.com/developer/marketing/docs/errors/",
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: randomUUID(),
    ...(problem.errors ? { errors: problem.errors } : {}),
  });
  res.writeHead(problem.status, { "content-type": "application/problem+json; charset=utf-8" }).end(body);
}

const statusProblem = (status: number) => {
  const [title, detail] = TITLES[status] ?? [`HTTP ${status}`, "Simulated failure."];
  return new SimProblem(status, title, detail);
};

/** The API key of a Basic authorization header (`anystring:<key>`), null when absent or malformed. */
function basicKey(header: string | undefined): string | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000)
      throw new SimProblem(413, "Request Entity Too Large", "The request body is too large.");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    throw new SimProblem(400, "JSON Parse Error", "We encountered an unspecified JSON parsing error.");
  }
}

/** Starts the simulator on 127.0.0.1 (a free port). */
export async function startMailchimpSimulator(
  options: MailchimpSimulatorOptions = {},
): Promise<MailchimpSimulator> {
  const serverPrefix = options.serverPrefix ?? "us21";
  const apiKey = options.apiKey ?? `${randomBytes(16).toString("hex")}-${serverPrefix}`;
  const audienceId = options.audienceId ?? randomBytes(5).toString("hex");
  const permissions = options.gdpr === true ? DEFAULT_PERMISSIONS : options.gdpr ? options.gdpr : [];
  const now = options.now ?? (() => new Date());
  const state = new MailchimpStore(
    { id: audienceId, name: options.audienceName ?? "iméra", webId: 300_001, permissions },
    now,
  );
  for (const member of options.members ?? []) state.seed(member);

  const maxConnections = options.maxConnections ?? 10;
  const latencyMs = options.latencyMs ?? 0;
  const inFlight = new Map<string, number>();
  const faultQueue: { fault: SimulatedFault; withBody: boolean }[] = [];
  const stats: MailchimpSimulator["stats"] = { maxConcurrent: 0, requests: 0, throttled: 0, calls: [] };

  const server = http.createServer(async (req, res) => {
    stats.requests += 1;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const record = (status: number) => {
      stats.calls.push({
        method: req.method ?? "",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status,
      });
      if (stats.calls.length > 5000) stats.calls.shift();
    };
    // "reset" faults never finish: record those on close, with status 0.
    res.once("close", () => record(res.writableFinished ? res.statusCode : 0));

    const key = basicKey(req.headers.authorization);
    if (key === null) {
      return sendProblem(
        res,
        new SimProblem(401, "API Key Missing", "Your request did not include an API key."),
      );
    }
    if (key !== apiKey) {
      return sendProblem(
        res,
        new SimProblem(
          401,
          "API Key Invalid",
          "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
        ),
      );
    }
    const active = (inFlight.get(key) ?? 0) + 1;
    inFlight.set(key, active);
    stats.maxConcurrent = Math.max(stats.maxConcurrent, active);
    // Released once the answer is handed to the socket: a client in this same process cannot see
    // the answer (and send its next request) before that.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
    };
    res.once("finish", release);
    res.once("close", release);
    if (active > maxConnections) {
      stats.throttled += 1;
      return sendProblem(res, statusProblem(429));
    }

    try {
      const body = await readJson(req);
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const fault = faultQueue.shift();
      if (fault?.fault === "reset") return void req.socket.destroy();
      if (fault !== undefined) {
        if (!fault.withBody) return void res.writeHead(fault.fault).end();
        throw statusProblem(fault.fault);
      }
      if (!url.pathname.startsWith("/3.0/")) throw statusProblem(404);
      const answer = route(state, {
        method: req.method ?? "GET",
        path: url.pathname.slice("/3.0".length),
        query: url.searchParams,
        body,
      });
      if (answer.body === undefined) return void res.writeHead(answer.status).end();
      res
        .writeHead(answer.status, { "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify(answer.body));
    } catch (error) {
      sendProblem(res, error instanceof SimProblem ? error : statusProblem(500));
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    basePath: `${baseUrl}/3.0`,
    apiKey,
    serverPrefix,
    audienceId,
    state,
    stats,
    faults: {
      next(fault, count = 1, opts = {}) {
        for (let i = 0; i < count; i++) faultQueue.push({ fault, withBody: opts.withBody ?? true });
      },
      clear() {
        faultQueue.length = 0;
      },
    },
    ...mailchimpSideActions(state, now),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
