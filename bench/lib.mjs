// Shared helpers for the benchmarks: child servers, free ports, autocannon runs.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import autocannon from "autocannon";

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
