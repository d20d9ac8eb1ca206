// What every part of Vigie may be given: built once by the composition root
// (app/server/boot.server.ts), handed to Remix as its load context, to the Node intake and to the
// worker. Nothing reads a process-wide global instead.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "~/config.server";
import type { ConnectorEndpoints, ShopConnectors } from "~/connectors/registry.server";
import type { Db } from "~/db/client.server";
import type { ShopifyVerifier } from "~/http/shopify-api.server";
import type { MailTransport } from "~/mail/transport.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import type { ShopifyApp } from "~/shopify.server";

/** What the sandbox offers the app (app/sandbox/index.server.ts); null outside the sandbox. */
export type SandboxControls = {
  /** The demo shop and the credentials the sandbox signs webhooks and proxy calls with. */
  settings: { shop: string; apiKey: string; apiSecret: string };
  /** Where the simulated Shopify, Stripe and Mailchimp listen. */
  endpoints: ConnectorEndpoints;
  /** Serves /sandbox/storefront/*; false for other paths. */
  handleStorefront(request: IncomingMessage, response: ServerResponse, port: number): Promise<boolean>;
  /** Once listening: the simulators' webhooks go to `url`, and `npm run sandbox:webhook` finds it. */
  listening(port: number): void;
  /** Re-creates the demo shop after shop/redact deleted it (and forgets the purge). */
  recreateDemoShop(): Promise<void>;
  stop(): Promise<void>;
};

export type AppContext = {
  config: Config;
  db: Db;
  /** Seals secrets at rest (vendor credentials, export staging) and signs links. */
  encryptionKey: Buffer;
  /** The app's key and the secret Shopify signs webhooks, proxy calls and session tokens with. */
  apiKey: string;
  shopifySecret: string;
  /**
   * Shopify's library set up with that key and secret, to verify session tokens and proxy calls
   * (the sandbox's key and secret in the sandbox, which signs them as Shopify does).
   */
  shopifyApi: ShopifyVerifier;
  /** Shopify's app library; null in the sandbox, which has no Shopify. */
  shopify: ShopifyApp | null;
  sandbox: SandboxControls | null;
  mail: MailTransport;
  /** The URL shoppers and Shopify reach this app at (links in e-mails). */
  publicUrl(): string;
  /** What links sent to a shop's requesters are built from (its storefront proxy, or the sandbox's). */
  links(shopDomain: string, proxyPrefix?: string): LinkContext;
  /** The outside systems a shop is connected to, as this process reaches them. */
  connectors(shopDomain: string): Promise<ShopConnectors>;
};

declare module "@remix-run/node" {
  // Every loader and action receives the app context as `context`.
  interface AppLoadContext extends AppContext {}
}
