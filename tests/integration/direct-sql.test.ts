// Statements sent to the driver itself (docs/decisions/095) on real databases: they store and read
// back what Prisma stores and reads, whatever the process's time zone; inside a Prisma transaction
// they are part of it (seen by it, rolled back with it, invisible to others until it commits).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { direct } from "~/db/direct.server";
import { createShop, type TestShop } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const AT = new Date("2024-02-29T23:30:00.123Z");

describe.each(testDialects())("direct statements on %s", (dialect) => {
  let t: TestDatabase;
  let shop: TestShop;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    shop = await createShop(t.db, "direct");
  });
  afterAll(() => t.drop());

  it("writes instants and booleans that Prisma reads back unchanged, and reads what Prisma wrote", async () => {
    const sql = await direct(t.db);
    await sql.run(
      `INSERT INTO "Subject" ("id", "shopId", "email", "lastOrderAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
      ["direct-1", shop.shop.id, "a@example.fr", AT, AT, AT],
    );
    const read = await t.db.subject.findUniqueOrThrow({ where: { id: "direct-1" } });
    expect(read.lastOrderAt?.toISOString()).toBe(AT.toISOString());
    expect(read.createdAt.toISOString()).toBe(AT.toISOString());

    const written = await t.db.consentEvent.create({
      data: {
        id: "event-1",
        shopId: shop.shop.id,
        seq: 1,
        kind: "granted",
        purpose: "newsletter",
        lawfulBasis: "consent",
        source: "checkout",
        occurredAt: AT,
        recordedAt: AT,
        commitment: "c",
        prevHash: "p",
        hash: "h",
        salt: "s",
        pseudonymised: true,
        gpc: false,
      },
    });
    const [row] = await sql.all(`SELECT * FROM "ConsentEvent" WHERE "id" = ?`, [written.id]);
    expect(row).toEqual(written);
    expect(row?.occurredAt).toBeInstanceOf(Date);
    expect(row?.pseudonymised).toBe(true);
    expect(row?.gpc).toBe(false);
    expect(await sql.all(`SELECT "id" FROM "ConsentEvent" WHERE "pseudonymised" = ?`, [true])).toEqual([
      { id: written.id },
    ]);
  });

  it("reads an instant the database stamped itself (a column's default) as Prisma reads it", async () => {
    const sql = await direct(t.db);
    await sql.run(`INSERT INTO "Subject" ("id", "shopId", "updatedAt") VALUES (?, ?, ?)`, [
      "direct-default",
      shop.shop.id,
      AT,
    ]);
    const [row] = await sql.all<{ createdAt: Date }>(`SELECT "createdAt" FROM "Subject" WHERE "id" = ?`, [
      "direct-default",
    ]);
    const read = await t.db.subject.findUniqueOrThrow({ where: { id: "direct-default" } });
    expect(row?.createdAt).toEqual(read.createdAt);
    expect(Math.abs(read.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("reads instants as UTC in a process whose zone is not", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      const [row] = await (await direct(t.db)).all<{ lastOrderAt: Date }>(
        `SELECT "lastOrderAt" FROM "Subject" WHERE "id" = ?`,
        ["direct-1"],
      );
      expect(row?.lastOrderAt.toISOString()).toBe(AT.toISOString());
    } finally {
      process.env.TZ = zone;
    }
  });

  it("runs inside the Prisma transaction it is given: seen by it, rolled back with it", async () => {
    const insert = `INSERT INTO "Subject" ("id", "shopId", "email", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`;
    await expect(
      t.db.$transaction(async (tx) => {
        const sql = await direct(tx);
        await sql.run(insert, ["direct-rolled-back", shop.shop.id, "b@example.fr", AT, AT]);
        // Prisma's statements in the same transaction see the row.
        expect(await tx.subject.count({ where: { id: "direct-rolled-back" } })).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await t.db.subject.count({ where: { id: "direct-rolled-back" } })).toBe(0);

    await t.db.$transaction(async (tx) => {
      await tx.subject.create({
        data: { id: "direct-committed", shopId: shop.shop.id, email: "c@example.fr" },
      });
      // And the driver's statements see Prisma's.
      const sql = await direct(tx);
      expect(await sql.all(`SELECT "email" FROM "Subject" WHERE "id" = ?`, ["direct-committed"])).toEqual([
        { email: "c@example.fr" },
      ]);
      expect(
        await sql.run(`UPDATE "Subject" SET "locale" = ? WHERE "id" = ?`, ["fr", "direct-committed"]),
      ).toBe(1);
    });
    expect((await t.db.subject.findUniqueOrThrow({ where: { id: "direct-committed" } })).locale).toBe("fr");
  });

  it("refuses a statement once Prisma has closed its transaction (a timeout), and writes nothing", async () => {
    let late: Promise<unknown> | undefined;
    await expect(
      t.db.$transaction(
        async (tx) => {
          const sql = await direct(tx);
          await new Promise((resolve) => setTimeout(resolve, 400));
          late = sql.run(
            `INSERT INTO "Subject" ("id", "shopId", "email", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`,
            ["direct-too-late", shop.shop.id, "late@example.fr", AT, AT],
          );
          await late.catch(() => {});
        },
        { timeout: 100 },
      ),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(late).rejects.toThrow("Transaction already closed");
    expect(await t.db.subject.count({ where: { id: "direct-too-late" } })).toBe(0);
  });

  // SQLite has one connection and one transaction at a time.
  it.runIf(dialect === "postgres")("gives two concurrent transactions each its own connection", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = t.db.$transaction(async (tx) => {
      const sql = await direct(tx);
      await sql.run(`UPDATE "Subject" SET "locale" = ? WHERE "id" = ?`, ["en", "direct-1"]);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Outside the first transaction, its uncommitted write is not seen.
    await t.db.$transaction(async (tx) => {
      const [row] = await (await direct(tx)).all(`SELECT "locale" FROM "Subject" WHERE "id" = ?`, [
        "direct-1",
      ]);
      expect(row?.locale).toBeNull();
    });
    release();
    await first;
    expect((await t.db.subject.findUniqueOrThrow({ where: { id: "direct-1" } })).locale).toBe("en");
  });
});
