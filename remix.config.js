// Remix 2 with the classic (esbuild) compiler: see docs/decisions/005-classic-remix-compiler.md.
// `server` makes server.ts the build's main module, so the webhook intake, the worker and the
// Remix request handler share one bundle and one database client.
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  server: "./server.ts",
  serverBuildPath: "build/index.js",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Node 22 refuses bare JSON imports at run time: bundle Polaris' locale files.
  serverDependenciesToBundle: [/^@shopify\/polaris\/locales/],
  ignoredRouteFiles: ["**/.*", "**/*.test.*", "**/*.server.test.*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};
