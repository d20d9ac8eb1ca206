// The bulk result's download against a loopback server that misbehaves mid-body: the connection torn
// down after part of the file, or left open with nothing more. Either way the reader gets an ordinary
// rejection it can branch on (ShopifyAdminError DOWNLOAD_INTERRUPTED, retryable), nothing escapes as
// an uncaught exception or unhandled rejection, and the connection is not left open behind it.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ShopifyAdminClient } from "./admin-client.server";
import { createShopifyBulk } from "./bulk-customers";
import { readJsonl } from "./bulk-jsonl";
import { ShopifyAdminError } from "./errors";

const LINE = `${JSON.stringify({ id: "gid://shopify/Customer/1", note: "x".repeat(200) })}\n`;
const FILE = Buffer.from(LINE.repeat(4000));
/** The download never reaches GraphQL. */
const noClient = {} as ShopifyAdminClient;

let server: Server | null = null;
const closed: Promise<unknown>[] = [];

/** A server that sends `bytes` of the file, then does `then`; `closed` learns when each response closes. */
async function serve(bytes: number, then: "destroy" | "stall") {
  server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    closed.push(once(res, "close"));
    res.writeHead(200, { "Content-Type": "application/jsonl", "Content-Length": FILE.length });
    res.write(FILE.subarray(0, bytes), () => {
      if (then === "destroy") res.socket?.destroy();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/bulk.jsonl`;
}

afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  server = null;
  closed.splice(0);
});

/** Reads the whole download as the backfill does, slowly (a batch committed every 100 lines). */
async function readAll(body: AsyncIterable<Uint8Array>) {
  let lines = 0;
  try {
    for await (const _ of readJsonl(body)) {
      lines += 1;
      if (lines % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { lines, error: null };
  } catch (error) {
    return { lines, error };
  }
}

/** Runs `work` and collects what escaped it: uncaught exceptions and unhandled rejections. */
async function escaped(work: () => Promise<void>) {
  const seen: unknown[] = [];
  const onError = (error: unknown) => seen.push(error);
  process.on("uncaughtException", onError);
  process.on("unhandledRejection", onError);
  try {
    await work();
    // Whatever was left dangling gets its turn.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    process.off("uncaughtException", onError);
    process.off("unhandledRejection", onError);
  }
  return seen;
}

describe("bulk result download broken off mid-body", () => {
  it("a connection torn down mid-file: a retryable DOWNLOAD_INTERRUPTED rejection, nothing uncaught", async () => {
    const url = await serve(LINE.length * 1000 + 17, "destroy");
    let outcome: Awaited<ReturnType<typeof readAll>> | null = null;
    const leaks = await escaped(async () => {
      const download = await createShopifyBulk(noClient).download(url, 0);
      if (download.expired) throw new Error("not expired");
      outcome = await readAll(download.body);
    });
    expect(leaks).toEqual([]);
    expect(outcome).toMatchObject({ lines: 1000 });
    const error = (outcome as unknown as { error: unknown }).error;
    expect(error).toBeInstanceOf(ShopifyAdminError);
    expect(error).toMatchObject({ kind: "DOWNLOAD_INTERRUPTED", retryable: true, connector: "shopify" });
    expect((error as Error).message).toMatch(/^download_interrupted: /);
  });

  it("a server that stops sending: given up after the idle time, and the connection closed", async () => {
    const url = await serve(LINE.length * 300, "stall");
    const started = Date.now();
    let outcome: Awaited<ReturnType<typeof readAll>> | null = null;
    const leaks = await escaped(async () => {
      const download = await createShopifyBulk(noClient, fetch, { idleMs: 300 }).download(url, 0);
      if (download.expired) throw new Error("not expired");
      outcome = await readAll(download.body);
    });
    expect(leaks).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome).toMatchObject({ lines: 300, error: { kind: "DOWNLOAD_INTERRUPTED", retryable: true } });
    // The client hung up: the server's response closed.
    await expect(closed[0]).resolves.toBeDefined();
  }, 10_000);

  it("a slow reader is not a stalled server: the idle time counts only while waiting for bytes", async () => {
    const url = await serve(FILE.length, "stall");
    const download = await createShopifyBulk(noClient, fetch, { idleMs: 1_000 }).download(url, 0);
    if (download.expired) throw new Error("not expired");
    let lines = 0;
    for await (const _ of readJsonl(download.body)) {
      lines += 1;
      // A slow batch (a loaded database) longer than the idle time.
      if (lines === 10) await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    expect(lines).toBe(4000);
  });

  it("a reader that stops early closes the connection (no stream left open)", async () => {
    const url = await serve(LINE.length * 2000, "stall");
    const download = await createShopifyBulk(noClient, fetch, { idleMs: 60_000 }).download(url, 0);
    if (download.expired) throw new Error("not expired");
    for await (const item of readJsonl(download.body)) {
      if (item.line === 5) break;
    }
    await expect(closed[0]).resolves.toBeDefined();
  });
});
