// The sandbox's own settings in data/sandbox.json, created on first start: the demo shop and the
// key and secret it signs webhooks with, exactly as Shopify signs them with an app's secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const SANDBOX_SHOP = "imera-paris.myshopify.com";

const SandboxSettingsSchema = z.object({
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/),
  apiKey: z.string().min(1),
  apiSecret: z.string().min(16),
});
export type SandboxSettings = z.infer<typeof SandboxSettingsSchema>;

export function sandboxSettingsPath(dataDir: string) {
  return path.join(dataDir, "sandbox.json");
}

/**
 * data/sandbox-server.json: where the running sandbox listens, for `npm run sandbox:webhook`
 * (scripts/sandbox-webhook.mjs reads it). Written once listening, removed on shutdown.
 */
export function sandboxServerPath(dataDir: string) {
  return path.join(dataDir, "sandbox-server.json");
}

export function writeSandboxServerFile(dataDir: string, where: { port: number; url: string; pid: number }) {
  writeFileSync(sandboxServerPath(dataDir), `${JSON.stringify(where, null, 2)}\n`);
}

export function removeSandboxServerFile(dataDir: string) {
  rmSync(sandboxServerPath(dataDir), { force: true });
}

export function loadOrCreateSandboxSettings(dataDir: string): SandboxSettings {
  const file = sandboxSettingsPath(dataDir);
  if (existsSync(file)) {
    const parsed = SandboxSettingsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file} is not valid: delete it to start a fresh sandbox`);
    return parsed.data;
  }
  const settings: SandboxSettings = {
    shop: SANDBOX_SHOP,
    apiKey: randomBytes(16).toString("hex"),
    apiSecret: randomBytes(32).toString("hex"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  return settings;
}
