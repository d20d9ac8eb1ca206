// `npm start`: builds if needed, then runs the server (migrations are applied at boot).
// `npm run worker` (= `npm start -- --worker`) runs a job worker alone.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";
import { ensureNode22 } from "./lib/node22.mjs";

await ensureNode22();
buildIfNeeded();
await import(pathToFileURL(path.resolve("build", "index.js")).href);
