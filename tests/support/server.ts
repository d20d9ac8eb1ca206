// Starts the built server (build/index.js) as a child process, like `npm start` does, with its
// own data directory and port, and waits until it listens.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export type RunningServer = {
  baseUrl: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** The sandbox's settings (data/sandbox.json). */
  sandbox: () => { shop: string; apiKey: string; apiSecret: string };
  stop(): Promise<number | null>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function spawnBuiltServer(env: Record<string, string | undefined>, args: string[] = []) {
  let output = "";
  const child = spawn(process.execPath, ["build/index.js", ...args], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      // Suites start from the demo shop as seeded; the backfill suite turns the import at start on.
      SANDBOX_IMPORT: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * How long the built server may take to listen: on a loaded machine (several suites at once on two
 * cores) loading the build and seeding the sandbox takes well over the half-minute it takes alone.
 */
export const SERVER_START_MS = 90_000;

/**
 * Starts the server on a port the system picks (PORT=0) and reads it from the "listening" line: a port
 * picked beforehand by `freePort` can be taken by another suite before the server binds it.
 */
export async function startServer(env: Record<string, string | undefined> = {}): Promise<RunningServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "vigie-server-"));
  const { child, output, exited } = spawnBuiltServer({ PORT: "0", DATA_DIR: dataDir, ...env });
  const deadline = Date.now() + SERVER_START_MS;
  let port = listeningPort(output());
  while (port === undefined) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    port = listeningPort(output());
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    process: child,
    output,
    sandbox: () => JSON.parse(readFileSync(path.join(dataDir, "sandbox.json"), "utf8")),
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** The port in the server's JSON "listening" log line, once it has been written whole. */
export function listeningPort(output: string): number | undefined {
  // The last piece may be a line still being written.
  for (const line of output.split("\n").slice(0, -1)) {
    if (!line.includes('"message":"listening"')) continue;
    const port = (JSON.parse(line) as { port?: unknown }).port;
    if (typeof port === "number" && port > 0) return port;
  }
  return undefined;
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
