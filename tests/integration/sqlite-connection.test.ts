// The one SQLite connection a process shares between its jobs: a statement sent outside a
// transaction while another job's transaction is open must not become part of it.
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSqliteConnection } from "~/db/client.server";
import { createTestDatabase, type TestDatabase } from "../support/databases";

describe("the shared SQLite connection", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
  });
  afterAll(() => t.drop());

  it("keeps a write made outside a transaction while another one rolls back", async () => {
    const shop = await t.db.shop.create({ data: { domain: "one-connection.myshopify.com" } });
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => {
      inside = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = t.db
      .$transaction(async (tx) => {
        await tx.shop.update({ where: { id: shop.id }, data: { name: "rolled back" } });
        inside();
        await gate;
        throw new Error("rollback");
      })
      .catch((error: Error) => error.message);
    await opened;
    // Another job meanwhile: a plain update, and a raw statement on the connection itself.
    const plain = t.db.shop.update({ where: { id: shop.id }, data: { locale: "en" } });
    const raw = withSqliteConnection(t.db, (connection) =>
      connection.prepare(`UPDATE "Shop" SET "state" = 'uninstalled' WHERE "id" = ?`).run(shop.id),
    );
    release();
    expect(await failing).toBe("rollback");
    await Promise.all([plain, raw]);
    expect(
      await t.db.shop.findUniqueOrThrow({
        where: { id: shop.id },
        select: { name: true, locale: true, state: true },
      }),
    ).toEqual({ name: null, locale: "en", state: "uninstalled" });
  });

  it("holds the write lock from a transaction's start, so another process's commit cannot make it fail", async () => {
    const shop = await t.db.shop.create({ data: { domain: "other-process.myshopify.com" } });
    // Another process on the same file (a worker, a script), which does not wait for a lock.
    const other = new BetterSqlite3(t.url.replace(/^file:/, ""), { timeout: 0 });
    const otherWrites = () =>
      other.prepare(`UPDATE "Shop" SET "locale" = 'de' WHERE "id" = ?`).run(shop.id).changes;
    try {
      await t.db.$transaction(async (tx) => {
        await tx.shop.findUniqueOrThrow({ where: { id: shop.id } });
        // Deferred, the transaction held no lock: the other process would commit here, and the
        // write below would fail with SQLITE_BUSY on its stale snapshot.
        expect(otherWrites).toThrow(/locked|busy/i);
        await tx.shop.update({ where: { id: shop.id }, data: { locale: "en" } });
      });
      expect(otherWrites()).toBe(1);
    } finally {
      other.close();
    }
  });
});
