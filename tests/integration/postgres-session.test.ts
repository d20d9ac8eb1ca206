// Every connection of the app's PostgreSQL pool starts without parallel plans (docs/decisions/092):
// the pages' capped counts and short walks ran several times slower with parallel workers, which
// also took the cores the intake needs.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.runIf(testDialects().includes("postgres"))("the app's PostgreSQL sessions", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("plan no parallel workers, on every connection of the pool", async () => {
    // Held at once, the queries take several of the pool's connections.
    const settings = await t.db.$transaction(async (tx) => {
      const inside = await tx.$queryRaw<
        { value: string }[]
      >`SELECT current_setting('max_parallel_workers_per_gather') AS value`;
      const outside = await Promise.all(
        Array.from(
          { length: 6 },
          () =>
            t.db.$queryRaw<
              { value: string; pid: number }[]
            >`SELECT current_setting('max_parallel_workers_per_gather') AS value, pg_backend_pid() AS pid, pg_sleep(0.05)::text`,
        ),
      );
      return [...inside, ...outside.flat()] as { value: string; pid: number }[];
    });
    expect(settings.map((row) => row.value)).toEqual(Array(7).fill("0"));
    const pids = new Set(settings.slice(1).map((row) => row.pid));
    expect(pids.size).toBeGreaterThan(1);
    // The server's own default is not what the app runs with.
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const { rows } = await client.query<{ value: string }>(`SHOW max_parallel_workers_per_gather`);
    await client.end();
    expect(rows[0]?.value).not.toBe("0");
  });
});
