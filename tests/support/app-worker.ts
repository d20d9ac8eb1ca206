// Starting and killing worker processes that run the app's jobs (tests/support/app-worker-process.ts).
// The harness is bundled once per test run with esbuild (dependencies left in node_modules), so a
// restart after a SIGKILL costs what loading the app costs, not a TypeScript compilation.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { eventually } from "./server";
import { TEST_SECRET_KEY } from "./test-logger";

let bundled: Promise<string> | undefined;

/** The harness as one ES module (built on first use). */
export function appWorkerBundle(): Promise<string> {
  bundled ??= (async () => {
    // Inside the project, so that the bundle's imports resolve from node_modules.
    const cache = path.resolve("node_modules/.cache/vigie-tests");
    mkdirSync(cache, { recursive: true });
    // Bundles of earlier runs (an exit handler does not always run in a test worker).
    for (const old of readdirSync(cache)) {
      const stale = path.join(cache, old);
      if (Date.now() - statSync(stale).mtimeMs > 3_600_000) rmSync(stale, { recursive: true, force: true });
    }
    const dir = mkdtempSync(path.join(cache, "worker-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const outfile = path.join(dir, "app-worker.mjs");
    await build({
      entryPoints: [path.resolve("tests/support/app-worker-process.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node22",
      packages: "external",
      alias: { "~": path.resolve("app") },
      logLevel: "error",
    });
    return outfile;
  })();
  return bundled;
}

export type AppWorkerEnv = {
  url: string;
  endpoints?: {
    shopify?: { baseUrl: string; token: string };
    mailchimpBasePath?: string;
    stripe?: { host: string; port: number };
  };
  smtpUrl?: string;
  leaseMs?: number;
  pollMs?: number;
  concurrency?: number;
  /** Also run this shop's retention sweep (see app-worker-process.ts). */
  sweepShop?: { id: string; domain: string };
};

export type AppWorker = {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
  output: () => string;
  kill(): Promise<void>;
};

/** Starts a worker process; `ready` resolves once it polls the queue. */
export async function spawnAppWorker(env: AppWorkerEnv): Promise<AppWorker> {
  const bundle = await appWorkerBundle();
  const child = spawn(process.execPath, [bundle], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      DATABASE_URL: env.url,
      SECRET_KEY: TEST_SECRET_KEY.toString("hex"),
      ENDPOINTS: JSON.stringify(env.endpoints ?? {}),
      ...(env.smtpUrl && { SMTP_URL: env.smtpUrl }),
      LEASE_MS: String(env.leaseMs ?? 60_000),
      POLL_MS: String(env.pollMs ?? 50),
      CONCURRENCY: String(env.concurrency ?? 4),
      ...(env.sweepShop && { SWEEP_SHOP: JSON.stringify(env.sweepShop) }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const ready = eventually(async () => output.includes("ready") || child.exitCode !== null, 30_000).then(
    () => {
      if (!output.includes("ready")) throw new Error(`worker did not start:\n${output}`);
    },
  );
  return {
    child,
    ready,
    exited,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
