// `npm run build`: the server bundle (build/index.js) and the browser assets (public/build/).
import { buildIfNeeded } from "./lib/build-if-needed.mjs";

buildIfNeeded({ force: true });
