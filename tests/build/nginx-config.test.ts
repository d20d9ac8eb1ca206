// deploy/nginx.conf, the sample production configuration (docs/decisions/087): nginx itself accepts
// it (`nginx -t`, with a certificate made here in place of the real one), its body cap matches the
// app's largest body, and the test proxy (scripts/lib/nginx.mjs) applies the same cap. Both send
// /webhooks/ to the intake's own web processes and everything else to the others (093): run here,
// the deployed file with loopback addresses, in front of two servers that say which one answered.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DOCUMENT_UPLOAD_BODY_LIMIT_BYTES } from "~/http/request-guards.server";
import { NGINX_PATH, nginxMissing, selfSignedCertificate, startNginx } from "../../scripts/lib/nginx.mjs";
import { freePort } from "../support/server";

const deployed = readFileSync("deploy/nginx.conf", "utf8");
const megabytes = (config: string) => Number(/client_max_body_size (\d+)m;/.exec(config)?.[1]);

describe("deploy/nginx.conf", () => {
  it("lets through the app's largest body, and not ten times more", () => {
    const cap = megabytes(deployed) * 1024 * 1024;
    expect(cap).toBeGreaterThanOrEqual(DOCUMENT_UPLOAD_BODY_LIMIT_BYTES);
    expect(cap).toBeLessThan(DOCUMENT_UPLOAD_BODY_LIMIT_BYTES + 2 * 1024 * 1024);
    expect(megabytes(readFileSync("scripts/lib/nginx.mjs", "utf8"))).toBe(megabytes(deployed));
  });

  describe.runIf(!nginxMissing())("with Debian's nginx", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-nginx-t-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("is accepted by nginx -t", () => {
      selfSignedCertificate(dir, "vigie.example.com");
      const site = deployed
        .replace(/ssl_certificate +\S+;/, `ssl_certificate ${dir}/cert.pem;`)
        .replace(/ssl_certificate_key +\S+;/, `ssl_certificate_key ${dir}/key.pem;`);
      expect(site).not.toContain("/etc/letsencrypt");
      writeFileSync(path.join(dir, "vigie.conf"), site);
      // As Debian's /etc/nginx/nginx.conf includes conf.d/*.conf inside its http block.
      writeFileSync(
        path.join(dir, "nginx.conf"),
        `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  include ${dir}/vigie.conf;\n}\n`,
      );
      const check = spawnSync(NGINX_PATH, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], {
        encoding: "utf8",
      });
      expect(check.stderr).toContain("test is successful");
      expect(check.status).toBe(0);
    });

    describe("routes /webhooks/ to the intake's processes", () => {
      const backends: Server[] = [];
      /** A server that answers every request with its name and the path it was given. */
      async function backend(name: string) {
        const server = createServer((request, response) => {
          request.resume();
          request.on("end", () => response.end(`${name} ${request.url}`));
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        backends.push(server);
        return (server.address() as AddressInfo).port;
      }
      afterAll(async () => {
        for (const server of backends) await new Promise((resolve) => server.close(resolve));
      });
      const paths = [
        ["GET", "/app/requests", "web"],
        ["GET", "/proxy/privacy/status", "web"],
        ["POST", "/api/checkout/consent", "web"],
        ["POST", "/webhooks/orders/create", "intake"],
        ["POST", "/webhooks/stripe", "intake"],
        ["POST", "/webhooks/mailchimp/abc", "intake"],
      ] as const;
      function answer(port: number, ca: Buffer, host: string, method: string, pathname: string) {
        return new Promise<string>((resolve, reject) => {
          const request = https.request(
            { host: "127.0.0.1", port, servername: host, headers: { host }, ca, method, path: pathname },
            (response) => {
              let body = "";
              response.on("data", (chunk) => (body += chunk));
              response.on("end", () => resolve(body));
            },
          );
          request.on("error", reject);
          request.end(method === "POST" ? "{}" : undefined);
        });
      }

      it("in deploy/nginx.conf", async () => {
        const [web, intake, port] = [await backend("web"), await backend("intake"), await freePort()];
        const run = mkdtempSync(path.join(os.tmpdir(), "vigie-nginx-run-"));
        selfSignedCertificate(run, "vigie.example.com");
        const site = deployed
          .replace(/upstream vigie_web \{[^}]*\}/, `upstream vigie_web { server 127.0.0.1:${web}; }`)
          .replace(/upstream vigie_intake \{[^}]*\}/, `upstream vigie_intake { server 127.0.0.1:${intake}; }`)
          .replace(/server \{\s*listen 80;[^}]*\}/, "")
          .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${port} ssl;`)
          .replace(/listen \[::\]:443 ssl http2;/, "")
          .replace(/ssl_certificate +\S+;/, `ssl_certificate ${run}/cert.pem;`)
          .replace(/ssl_certificate_key +\S+;/, `ssl_certificate_key ${run}/key.pem;`);
        writeFileSync(path.join(run, "vigie.conf"), site);
        const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
          .map((name) => `  ${name}_temp_path ${run}/${name};\n`)
          .join("");
        writeFileSync(
          path.join(run, "nginx.conf"),
          `${process.getuid?.() === 0 ? "user root;\n" : ""}daemon off;\npid ${run}/nginx.pid;\nerror_log ${run}/error.log;\nevents {}\nhttp {\n  access_log off;\n${temp}  include ${run}/vigie.conf;\n}\n`,
        );
        const nginx = spawn(NGINX_PATH, ["-p", run, "-c", path.join(run, "nginx.conf")], { stdio: "ignore" });
        try {
          const ca = readFileSync(path.join(run, "cert.pem"));
          let first = "";
          for (let i = 0; i < 100 && !first; i++) {
            first = await answer(port, ca, "vigie.example.com", "GET", "/app").catch(() => "");
            if (!first) await new Promise((resolve) => setTimeout(resolve, 50));
          }
          expect(first).toBe("web /app");
          for (const [method, pathname, expected] of paths)
            expect(await answer(port, ca, "vigie.example.com", method, pathname)).toBe(
              `${expected} ${pathname}`,
            );
        } finally {
          nginx.kill("SIGQUIT");
          await new Promise((resolve) => nginx.on("exit", resolve));
          rmSync(run, { recursive: true, force: true });
        }
      });

      it("in the test proxy, and to the same processes when it is not given any of its own", async () => {
        const [web, intake] = [await backend("web"), await backend("intake")];
        const split = await startNginx({ upstreams: [web], intake: [intake] });
        try {
          for (const [method, pathname, expected] of paths)
            expect(await answer(split.port, split.ca, "localhost", method, pathname)).toBe(
              `${expected} ${pathname}`,
            );
        } finally {
          await split.stop();
        }
        const shared = await startNginx({ upstreams: [web] });
        try {
          expect(await answer(shared.port, shared.ca, "localhost", "POST", "/webhooks/orders/create")).toBe(
            "web /webhooks/orders/create",
          );
        } finally {
          await shared.stop();
        }
      });
    });
  });
});
