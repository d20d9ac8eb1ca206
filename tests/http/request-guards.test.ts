// What the Node server checks before any handler reads a request, against the built server: body
// caps (413, memory flat), the headers every response carries, the sandbox's Host check (DNS
// rebinding) and cross-site form posts (403, not Remix's 500).

import { readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedProxyUrl } from "../support/app-proxy";
import { type RunningServer, startServer } from "../support/server";
import { shopifyDelivery } from "../support/shopify-webhook";

const MiB = 1024 * 1024;

type Answer = { status?: number; body: string; error?: string; sent: number };

/**
 * POSTs `total` bytes (declaring them in Content-Length when `declare`, else chunked), stopping as
 * soon as the server answers or cuts the connection. With `waitForAnswer`, sends the headers only and
 * waits: what a server that refuses on the declared length alone must answer.
 */
function post(
  port: number,
  path: string,
  options: { total: number; declare?: boolean; waitForAnswer?: boolean; headers?: Record<string, string> },
): Promise<Answer> {
  return new Promise((resolve) => {
    const request = http.request({
      host: "127.0.0.1",
      port,
      path,
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(options.declare ? { "content-length": String(options.total) } : {}),
        ...options.headers,
      },
    });
    let sent = 0;
    let done = false;
    const finish = (answer: Omit<Answer, "sent">) => {
      if (done) return;
      done = true;
      request.destroy();
      resolve({ ...answer, sent });
    };
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => finish({ status: response.statusCode, body }));
      response.on("error", (error: NodeJS.ErrnoException) => finish({ body, error: error.code }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => finish({ body: "", error: error.code }));
    if (options.waitForAnswer) {
      request.flushHeaders();
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!done && sent < options.total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.total - sent));
        sent += piece.length;
        if (!request.write(piece)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!done) request.end();
    };
    pump();
  });
}

/** The server process's resident memory, in bytes (Linux). */
function rss(server: RunningServer) {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) * 1024;
}

describe("request guards (sandbox)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("refuses a body declared over the cap with 413 before reading it, on every kind of route", async () => {
    for (const path of [
      "/auth/login",
      "/app/settings",
      "/proxy/privacy/requests",
      "/webhooks/orders/create",
    ]) {
      const answer = await post(server.port, path, { total: 300 * MiB, declare: true, waitForAnswer: true });
      expect(answer, path).toMatchObject({ status: 413, body: expect.stringMatching(/Payload Too Large/) });
    }
  });

  it("refuses a streamed body as soon as it passes the cap, whether or not the route reads it", async () => {
    // Just over the 128 KiB form cap, chunked: the server reads it all, then answers.
    for (const path of ["/auth/login", "/app/settings", "/proxy/privacy/requests"]) {
      const answer = await post(server.port, path, { total: 129 * 1024 });
      expect(answer, path).toMatchObject({ status: 413, body: expect.stringContaining("at most 128 KiB") });
    }
  });

  it("lets the documents upload carry several 5 MiB files, and no more than that", async () => {
    const url = new URL(signedProxyUrl(server, "/documents"));
    const path = `${url.pathname}${url.search}`;
    // 6 MiB is over the form cap but within the upload's: the route answers (an unknown link here).
    const form = new FormData();
    form.set("t", "not-a-link");
    form.append("file", new Blob([Buffer.alloc(3 * MiB)], { type: "application/pdf" }), "a.pdf");
    form.append("file", new Blob([Buffer.alloc(3 * MiB)], { type: "application/pdf" }), "b.pdf");
    const within = await fetch(url, { method: "POST", body: form });
    expect(within.status).toBe(404);
    const over = await post(server.port, path, { total: 30 * MiB, declare: true, waitForAnswer: true });
    expect(over.status).toBe(413);
  });

  it("keeps memory flat under many very large bodies, declared or streamed", async () => {
    // Warm up every route first: what it costs once (code, caches) is not what a body costs.
    for (const path of ["/auth/login", "/app/settings", "/proxy/privacy/requests", "/webhooks/orders/create"])
      await post(server.port, path, { total: 129 * 1024 });
    const before = rss(server);
    const answers: Answer[] = [];
    for (let round = 0; round < 3; round++) {
      for (const path of [
        "/app/settings",
        "/auth/login",
        "/proxy/privacy/requests",
        "/webhooks/orders/create",
      ]) {
        // A client that sends its whole body regardless (300 MB declared), and one that streams it.
        answers.push(await post(server.port, path, { total: 300 * MiB, declare: true }));
        answers.push(await post(server.port, path, { total: 300 * MiB }));
      }
    }
    const grown = rss(server) - before;
    expect(grown, `grew by ${(grown / MiB).toFixed(1)} MiB`).toBeLessThan(8 * MiB);
    for (const answer of answers) {
      // Answered 413, or cut off while still sending: never read through.
      expect(answer.status === 413 || answer.error !== undefined, JSON.stringify(answer)).toBe(true);
      expect(answer.sent).toBeLessThan(100 * MiB);
    }
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it("sends nosniff and a referrer policy on every response, whoever answers it", async () => {
    const secret = server.sandbox().apiSecret;
    const delivery = shopifyDelivery(server.baseUrl, "orders/create", {}, "wrong-secret");
    const answers = await Promise.all([
      fetch(`${server.baseUrl}/healthz`),
      fetch(`${server.baseUrl}/favicon.svg`),
      fetch(`${server.baseUrl}/app`),
      fetch(`${server.baseUrl}/no-such-page`),
      fetch(`${server.baseUrl}/sandbox/storefront`),
      fetch(delivery.url, delivery.init),
      fetch(`${server.baseUrl}/webhooks/orders/create`),
      fetch(signedProxyUrl(server, "/")),
    ]);
    expect(secret).toBeTruthy();
    for (const answer of answers) {
      expect(answer.headers.get("x-content-type-options"), answer.url).toBe("nosniff");
      expect(answer.headers.get("referrer-policy"), answer.url).toBe("same-origin");
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 200, 401, 405, 200]);
  });

  it("answers 421 to a Host that is not this sandbox on loopback (DNS rebinding)", async () => {
    const get = (host: string) =>
      new Promise<{ status?: number; body: string }>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port: server.port, path: "/app", headers: { host } }, (response) => {
            let body = "";
            response.on("data", (chunk) => {
              body += chunk;
            });
            response.on("end", () => resolve({ status: response.statusCode, body }));
          })
          .on("error", reject);
      });
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`]) {
      expect((await get(host)).status, host).toBe(200);
    }
    for (const host of [
      `attacker.example:${server.port}`,
      "attacker.example",
      `localhost:${server.port + 1}`,
    ]) {
      const answer = await get(host);
      expect(answer.status, host).toBe(421);
      expect(answer.body).toContain(`http://localhost:${server.port}`);
    }
    // A rebinding page's form: Host and Origin forged to match each other. Nothing changes.
    const rebound = await post(server.port, "/app/settings", {
      total: 20,
      declare: true,
      headers: { host: `attacker.example:${server.port}`, origin: `http://attacker.example:${server.port}` },
    });
    expect(rebound.status).toBe(421);
  });

  it("answers a cross-site form post with a clear 403, not a 500", async () => {
    for (const origin of ["http://attacker.example", "null"]) {
      const answer = await fetch(`${server.baseUrl}/app/settings`, {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: "intent=save",
      });
      expect(answer.status, origin).toBe(403);
      expect(await answer.text()).toMatch(/sent from another site/);
    }
    // The same post from the sandbox's own pages is not refused for its origin.
    const own = await fetch(`${server.baseUrl}/app/settings`, {
      method: "POST",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "intent=nothing",
      redirect: "manual",
    });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);
  });
});
