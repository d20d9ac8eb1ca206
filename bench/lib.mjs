// Shared helpers for the benchmarks: child servers, free ports, autocannon runs, the databases a
// run measures and a PostgreSQL database of its own for each bench.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";

export async function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a server process and resolves once its output contains `ready`. */
export async function spawnServer(args, env, ready) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        child.on("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** Runs autocannon; every request gets a fresh X-Shopify-Webhook-Id (same body, same HMAC). */
export function load({ url, headers, body, connections = 64, duration = 10 }) {
  let n = 0;
  return autocannon({
    url,
    connections,
    duration,
    method: "POST",
    headers,
    body,
    requests: [
      {
        setupRequest(request) {
          request.headers = { ...request.headers, "x-shopify-webhook-id": `bench-${process.pid}-${++n}` };
          return request;
        },
      },
    ],
  });
}

/**
 * The databases this run measures, in order: BENCH_DATABASES=sqlite|postgres picks one (default
 * both). PostgreSQL needs TEST_POSTGRES_URL; without it that side is skipped (said on stderr), or
 * an error under BENCH_REQUIRE_POSTGRES=1, so that a full run cannot silently lose half its figures.
 */
export function benchDatabases() {
  const wanted = (process.env.BENCH_DATABASES ?? "sqlite,postgres")
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of wanted) if (d !== "sqlite" && d !== "postgres") throw new Error(`BENCH_DATABASES: ${d}?`);
  if (wanted.includes("postgres") && !process.env.TEST_POSTGRES_URL) {
    if (process.env.BENCH_REQUIRE_POSTGRES === "1")
      throw new Error("BENCH_REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set");
    console.error("TEST_POSTGRES_URL is not set: PostgreSQL figures skipped");
    return wanted.filter((d) => d !== "postgres");
  }
  return ["sqlite", "postgres"].filter((d) => wanted.includes(d));
}

/**
 * A fresh database `vigie_bench_<label>_<random>` on TEST_POSTGRES_URL's server; `drop()` removes
 * it even while connections remain (a crashed child's).
 */
export async function postgresDatabase(label) {
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `vigie_bench_${label.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
  const adminQuery = async (sql) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** The share of the machine's CPU time spent busy over `ms`, read from /proc/stat (0 where absent). */
async function busyShare(ms) {
  const read = () => {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.reduce((sum, n) => sum + n, 0) };
  };
  if (!existsSync("/proc/stat")) return 0;
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = read();
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : 0;
}

/**
 * Waits (at most `maxSeconds`) until the machine is quiet, under 15 % busy over a second: a bench
 * that starts while the previous one's leftovers still run (PostgreSQL writing out a dropped
 * database, a server shutting down) measures them too. Returns the seconds waited.
 */
export async function settle(maxSeconds = 90) {
  const started = Date.now();
  while (Date.now() - started < maxSeconds * 1000) if ((await busyShare(1000)) < 0.15) break;
  return Math.round((Date.now() - started) / 1000);
}

/** The 1-minute load average, one decimal: noted beside every figure (the machine is shared). */
export const loadNow = () => Math.round(os.loadavg()[0] * 10) / 10;
