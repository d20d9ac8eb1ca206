import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSpoolDir, removeStaleSpoolDirs } from "./spool.server";
import { tempDir } from "./test-fixtures";

/** Over the spool's in-memory allowance, so that it goes to disk. */
const BIG = `camille.martin@example.fr ${"x".repeat(70 * 1024)}\n`;

async function readAll(source: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

let parent: string;
beforeEach(async () => {
  parent = await tempDir();
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe("createSpoolDir", () => {
  it("gives back what was written, in order, across many batches", async () => {
    const spools = await createSpoolDir(parent);
    const spool = await spools.open();
    const lines = Array.from({ length: 5_000 }, (_, i) => `{"i":${i},"note":"é ${"x".repeat(i % 50)}"}\n`);
    for (const line of lines) await spool.write(line);
    await spool.close();

    expect(await readAll(spool.read())).toBe(lines.join(""));
    await spools.remove();
  });

  it("keeps a small spool in memory: nothing reaches the disk", async () => {
    const spools = await createSpoolDir(parent);
    const spool = await spools.open();
    await spool.write("camille.martin@example.fr\n");
    await spool.close();

    expect(await readAll(spool.read())).toBe("camille.martin@example.fr\n");
    expect(await readdir(parent)).toEqual([]);
    await spools.remove();
  });

  it("keeps only ciphertext on disk, in a directory only its owner can enter", async () => {
    const spools = await createSpoolDir(parent);
    const spool = await spools.open();
    await spool.write(BIG);
    await spool.close();

    const [dir] = await readdir(parent);
    const dirPath = path.join(parent, dir as string);
    expect((await stat(dirPath)).mode & 0o777).toBe(0o700);
    const [file] = await readdir(dirPath);
    const filePath = path.join(dirPath, file as string);
    expect((await stat(filePath)).mode & 0o777).toBe(0o600);
    const bytes = await readFile(filePath);
    expect(bytes.length).toBe(Buffer.byteLength(BIG));
    expect(bytes.toString("latin1")).not.toContain("camille");
    expect(await readAll(spool.read())).toBe(BIG);
    await spools.remove();
  });

  it("refuses to read back a file altered on disk", async () => {
    const spools = await createSpoolDir(parent);
    const spool = await spools.open();
    await spool.write(BIG);
    await spool.close();
    const [dir] = await readdir(parent);
    const filePath = path.join(parent, dir as string, "0.bin");
    const bytes = await readFile(filePath);
    bytes[0] = (bytes[0] as number) ^ 1;
    await writeFile(filePath, bytes);

    await expect(readAll(spool.read())).rejects.toThrow(/authenticate/);
    await spools.remove();
  });

  it("deletes its directory on remove, spools still open included", async () => {
    const spools = await createSpoolDir(parent);
    const open = await spools.open();
    await open.write(BIG);
    const closed = await spools.open();
    await closed.close();

    await spools.remove();
    await spools.remove();
    expect(await readdir(parent)).toEqual([]);
  });
});

describe("removeStaleSpoolDirs", () => {
  it("removes scratch directories older than a day, and nothing fresh or not its own", async () => {
    const stale = await createSpoolDir(parent);
    const staleSpool = await stale.open();
    await staleSpool.write(BIG);
    await staleSpool.close();
    const [staleName] = await readdir(parent);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await utimes(path.join(parent, staleName as string), twoDaysAgo, twoDaysAgo);
    const fresh = await createSpoolDir(parent);
    await (await fresh.open()).write(BIG);
    await writeFile(path.join(parent, "vigie-export-notes.txt"), "not a spool directory");
    const oldNotes = path.join(parent, "vigie-export-test-dir");
    await mkdir(oldNotes);
    await utimes(oldNotes, twoDaysAgo, twoDaysAgo);

    expect(await removeStaleSpoolDirs(parent)).toBe(1);
    const left = await readdir(parent);
    expect(left).not.toContain(staleName);
    expect(left).toHaveLength(3);
    await fresh.remove();
  });
});
