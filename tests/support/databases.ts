// Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database created on the
// server named by TEST_POSTGRES_URL and dropped afterwards. Each test file gets its own.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Dialect } from "~/config.server";
import { createDatabase, type Db } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";

export type TestDatabase = { dialect: Dialect; url: string; db: Db; drop(): Promise<void> };

/** The dialects this run covers: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set. */
export function testDialects(): Dialect[] {
  return process.env.TEST_POSTGRES_URL ? ["sqlite", "postgres"] : ["sqlite"];
}

function adminUrl() {
  return process.env.TEST_POSTGRES_URL as string;
}

/** An empty database URL (not migrated) for the dialect, and how to drop it. */
export async function createEmptyDatabase(dialect: Dialect): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-test-"));
    return {
      url: `file:${path.join(dir, "test.sqlite")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `vigie_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A migrated database with a Prisma client. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(dialect);
  await migrate(empty.url);
  const { db } = await createDatabase(empty.url);
  return {
    dialect,
    url: empty.url,
    db,
    drop: async () => {
      // A client stuck on a dead connection must not hold the suite: the database is dropped anyway.
      await Promise.race([db.$disconnect(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await empty.drop();
    },
  };
}
