// `npm start`: builds if needed, then runs the server (migrations are applied at boot).
// `npm run worker` (= `npm start -- --worker`) runs a job worker alone.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Vigie needs Node.js 22.12 or newer; this is ${process.version}.`);
  process.exit(1);
}
buildIfNeeded();
await import(pathToFileURL(path.resolve("build", "index.js")).href);
