// deploy/nginx.conf, the sample production configuration (docs/decisions/087): nginx itself accepts
// it (`nginx -t`, with a certificate made here in place of the real one), its body cap matches the
// app's largest body, and the test proxy (scripts/lib/nginx.mjs) applies the same cap.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DOCUMENT_UPLOAD_BODY_LIMIT_BYTES } from "~/http/request-guards.server";
import { NGINX_PATH, nginxMissing, selfSignedCertificate } from "../../scripts/lib/nginx.mjs";

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
  });
});
