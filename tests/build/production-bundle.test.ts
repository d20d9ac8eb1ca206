// The production build holds no sandbox code: the demo store and the simulated Shopify, Stripe and
// Mailchimp live in their own bundle (build/sandbox.js), loaded only when Shopify is not configured.
// `npm test` builds first; the server bundle's module graph is esbuild's metafile beside it.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Metafile = {
  inputs: Record<string, unknown>;
  outputs: Record<string, { inputs: Record<string, unknown> }>;
};

const metafile = JSON.parse(readFileSync("build/metafile.server.json", "utf8")) as Metafile;
const bundled = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));

describe("the production server bundle", () => {
  it("is the app's: its module graph holds the server, the routes and the job registry", () => {
    for (const module of ["app/server/main.server.ts", "app/routes/app.tsx", "app/jobs/registry.server.ts"]) {
      expect(bundled).toContain(module);
    }
  });

  it("contains no module of app/sandbox/", () => {
    expect(bundled.filter((module) => module.startsWith("app/sandbox/"))).toEqual([]);
  });

  it("contains no test support: fixtures and fakes live under tests/, not app/", () => {
    expect(bundled.filter((module) => module.startsWith("tests/") || /fixture/i.test(module))).toEqual([]);
  });

  it("finds the sandbox in a bundle of its own, which holds the simulators", () => {
    expect(existsSync("build/sandbox.js")).toBe(true);
    const sandbox = readFileSync("build/sandbox.js", "utf8");
    expect(sandbox).toContain("startSandbox");
    expect(sandbox).toContain("startShopifyAdminSimulator");
  });
});
