// Builds the app when build/index.js is missing or older than any source, and regenerates the
// Prisma clients when the schema changed since they were generated.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const SOURCES = [
  "app",
  "server.ts",
  "remix.config.js",
  "package.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function generateClientsIfNeeded() {
  const generated = path.join("node_modules", ".prisma", "client", "schema.prisma");
  const pgGenerated = path.join("node_modules", ".prisma", "client-postgres", "schema.prisma");
  const schema = readFileSync(path.join("prisma", "schema.prisma"), "utf8");
  if (!existsSync(pgGenerated) || !existsSync(generated) || readFileSync(generated, "utf8") !== schema) {
    execFileSync(process.execPath, ["scripts/db-generate.mjs"], { stdio: "inherit" });
  }
}

/**
 * The sandbox (demo store and simulated vendors) is its own bundle, build/sandbox.js, loaded only
 * when Shopify is not configured: the app's bundle never contains it (docs/decisions/041).
 */
function buildSandbox() {
  const esbuild = createRequire(import.meta.url)("esbuild");
  esbuild.buildSync({
    entryPoints: [path.join("app", "sandbox", "index.server.ts")],
    outfile: path.join("build", "sandbox.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    alias: { "~": path.resolve("app") },
    metafile: false,
    logLevel: "warning",
  });
}

export function buildIfNeeded({ force = false } = {}) {
  generateClientsIfNeeded();
  const outputs = [path.join("build", "index.js"), path.join("build", "sandbox.js")];
  const built = Math.min(...outputs.map((output) => (existsSync(output) ? statSync(output).mtimeMs : 0)));
  const stale = Math.max(...SOURCES.map(newestMtime)) > built;
  if (!force && !stale) return false;
  const remix = path.join("node_modules", "@remix-run", "dev", "dist", "cli.js");
  execFileSync(process.execPath, [remix, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  buildSandbox();
  return true;
}
