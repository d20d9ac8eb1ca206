// Signed Shopify orders/create deliveries carrying the checkout consent attributes, and the built
// server's environment, shared by the webhook benches (and the cluster test's orders).
import { createHmac } from "node:crypto";
import net from "node:net";
import tls from "node:tls";

export const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
export const SHOP = "bench-shop.myshopify.com";

/** Order `n` of a distinct customer, with the newsletter box ticked at checkout. */
export function order(n, { createdAt = new Date() } = {}) {
  return {
    id: 820982911946154 + n,
    created_at: createdAt.toISOString(),
    email: `shopper${n}@example.com`,
    customer_locale: "fr",
    browser_ip: "203.0.113.7",
    note_attributes: [
      { name: "_vigie_consent", value: "granted" },
      { name: "_vigie_notice_version", value: "2022-10-31" },
      { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
      { name: "_vigie_wording_locale", value: "fr" },
      { name: "_vigie_wording", value: "Je souhaite recevoir les actualités de iméra par e-mail" },
    ],
    customer: { id: 191167 + n, email: `shopper${n}@example.com`, phone: null },
    line_items: Array.from({ length: 3 }, (_, i) => ({
      id: i,
      title: `Article ${i}`,
      quantity: 1,
      price: "39.00",
    })),
  };
}

export function headers(body) {
  return {
    "content-type": "application/json",
    "x-shopify-topic": "orders/create",
    "x-shopify-shop-domain": SHOP,
    "x-shopify-api-version": "2025-10",
    "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
  };
}

/**
 * Orders 1..count as signed deliveries, built before the clock starts: Shopify serialises and signs
 * on its own machines, so the sender's share of this machine's 2 cores is kept small (fetch spent
 * 0.35–0.44 ms of CPU an order, about half the worker's own, docs/decisions/093, 100).
 */
export function signedOrders(count, idPrefix) {
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify(order(i + 1));
    return {
      body,
      headers: {
        ...headers(body),
        "content-length": String(Buffer.byteLength(body)),
        "x-shopify-webhook-id": `${idPrefix}-${i}`,
      },
    };
  });
}

/**
 * The load generator (docs/decisions/100): `inFlight` keep-alive connections to `url` (http, or
 * https trusting `ca`), opened before the clock starts with each delivery's request already made
 * as bytes. `sendAll()` sends them all, `inFlight` at a time (one per connection; each round waits
 * for its slowest answer), reads only each answer's status and length, and throws unless every
 * answer is 200. Node's http client spent 0.27 ms of CPU an order, three times nginx's, on the
 * same 2 cores as the system it measured; this spends 0.10.
 */
export async function orderSender(url, deliveries, { ca, inFlight }) {
  const { hostname, port, pathname } = new URL(url);
  const secure = url.startsWith("https:");
  const requests = deliveries.map(({ body, headers }) =>
    Buffer.from(
      `POST ${pathname} HTTP/1.1\r\nhost: ${hostname}:${port}\r\n${Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join("")}\r\n${body}`,
    ),
  );
  const sockets = await Promise.all(
    Array.from(
      { length: inFlight },
      () =>
        new Promise((resolve, reject) => {
          const options = { host: hostname, port: Number(port) };
          const socket = secure
            ? tls.connect({ ...options, ca, servername: hostname }, () => resolve(socket))
            : net.connect(options, () => resolve(socket));
          socket.setNoDelay(true);
          socket.once("error", reject);
        }),
    ),
  );
  /** Writes one request on `socket`; resolves to the answer's status once all of it was read. */
  const exchange = (socket, bytes) =>
    new Promise((resolve, reject) => {
      let answer = Buffer.alloc(0);
      const settle = (error, status) => {
        socket.off("data", onData);
        socket.off("error", settle);
        socket.off("close", onClose);
        if (error) reject(error);
        else resolve(status);
      };
      const onClose = () => settle(new Error("the server closed the connection"));
      const onData = (chunk) => {
        answer = answer.length === 0 ? chunk : Buffer.concat([answer, chunk]);
        const end = answer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = answer.subarray(0, end).toString("latin1");
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        const status = Number(head.slice(9, 12));
        if (length) {
          if (answer.length >= end + 4 + Number(length[1])) settle(undefined, status);
        } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
          if (answer.subarray(-5).toString("latin1") === "0\r\n\r\n") settle(undefined, status);
        } else settle(new Error(`an answer without a length: ${head.split("\r\n")[0]}`));
      };
      socket.on("data", onData);
      socket.on("error", settle);
      socket.on("close", onClose);
      socket.write(bytes);
    });
  return {
    async sendAll() {
      for (let i = 0; i < requests.length; i += inFlight) {
        const round = requests.slice(i, i + inFlight);
        const statuses = await Promise.all(round.map((bytes, n) => exchange(sockets[n], bytes)));
        if (statuses.some((status) => status !== 200))
          throw new Error(`the intake answered ${statuses.join(",")}`);
      }
    },
    close() {
      for (const socket of sockets) socket.destroy();
    },
  };
}

export const vigieEnv = (dir, port, worker) => ({
  PORT: String(port),
  DATA_DIR: dir,
  SHOPIFY_API_KEY: "bench",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: "https://bench.example.com",
  SCOPES: "read_orders",
  WORKER: worker ? "on" : "off",
  LOG_LEVEL: "info",
  NODE_ENV: "production",
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
});
