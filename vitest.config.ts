import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(__dirname, "app") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "app",
          environment: "node",
          include: ["app/**/*.test.ts", "app/**/*.test.tsx", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        esbuild: { jsx: "automatic", jsxImportSource: "preact" },
        test: {
          name: "extensions",
          environment: "jsdom",
          include: ["extensions/**/*.test.ts", "extensions/**/*.test.tsx"],
          isolate: true,
          // The tester imports the extension's module (src/*.tsx) itself: inline it so that import
          // goes through Vite's transform instead of Node's loader (which rejects .tsx).
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
        },
      },
    ],
  },
});
