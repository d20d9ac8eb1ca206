// The build's main module (remix.config.js `server`): `node build/index.js` serves the app,
// `node build/index.js --worker` runs a job worker alone.
import * as build from "@remix-run/dev/server-build";
import { main } from "~/server/main.server";

main(build as unknown as Parameters<typeof main>[0], process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
