// Prisma CLI configuration. Vigie runs Prisma 6 with the JS engine (no native binaries to
// download: see docs/decisions/002-prisma-6-js-engine.md). The CLI is used only for
// `generate` and `migrate diff`; migrations are applied by app/db/migrate.server.ts.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";

const schema = process.env.VIGIE_PRISMA_SCHEMA ?? path.join("prisma", "schema.prisma");

export default {
  experimental: { adapter: true },
  engine: "js",
  schema,
  adapter: async () => new PrismaBetterSQLite3({ url: "file::memory:" }),
} satisfies PrismaConfig;
