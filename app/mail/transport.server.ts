// How e-mails leave Vigie: through SMTP (nodemailer) when SMTP_URL is set, otherwise not at all —
// they stay in the OutboxEmail table, readable in the admin. See docs/decisions/016-email-outbox.md.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { z } from "zod";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /**
   * A stable id for this e-mail (e.g. the OutboxEmail id): it becomes the Message-ID, so a second
   * send after a crash carries the same id and mail clients can recognise the duplicate.
   */
  messageKey?: string;
  /** A marketing-related e-mail's one-click withdrawal link (https in production). */
  unsubscribeUrl?: string;
};

export type MailTransport = {
  mode: "smtp" | "outbox";
  /** Sends (SMTP) or does nothing (outbox: the stored row is the outbox). Throws MailSendError. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): Promise<void>;
};

/** A failed send. `permanent`: the server refused this message for good (5xx); retrying is pointless. */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "MailSendError";
  }
}

type NodemailerError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

/**
 * Sorts a nodemailer error into transient (connection, timeout, 4xx, bad credentials: retry later)
 * or permanent (5xx for this message, an address nodemailer refuses). The message keeps the codes
 * only: server replies often quote the recipient's address, which must not reach job rows or logs.
 */
export function classifySendError(error: unknown): MailSendError {
  if (error instanceof MailSendError) return error;
  const e = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const enhanced = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(e.response ?? "")?.[1];
  const parts = ["SMTP"];
  if (e.responseCode) parts.push(String(e.responseCode));
  if (enhanced) parts.push(enhanced);
  if (e.command && e.command !== "API" && e.command !== "CONN") parts.push(`at ${e.command}`);
  parts.push(`(${e.code ?? "error"})`);
  const summary = parts.join(" ");
  // Bad credentials are the server's configuration, not this message's fault: keep retrying.
  if (e.code === "EAUTH" || e.code === "EREQUIRETLS") return new MailSendError(summary, false);
  if (e.responseCode !== undefined) return new MailSendError(summary, e.responseCode >= 500);
  // Refused before anything was sent: an invalid address or an oversized message.
  if ((e.code === "EENVELOPE" || e.code === "EMESSAGE") && e.command === "API") {
    return new MailSendError(summary, true);
  }
  return new MailSendError(summary, false);
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;

/**
 * nodemailer options from an SMTP URL. Parsed here rather than by nodemailer, whose URL syntax
 * would let a query string switch on pooling or other options behind our back.
 */
export function smtpOptionsFromUrl(smtpUrl: string) {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // Not the parser's error: it quotes the input, password included.
    throw new Error("SMTP_URL is not a valid URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error("SMTP_URL must start with smtp:// or smtps://");
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!host) throw new Error("SMTP_URL has no host");
  for (const key of url.searchParams.keys()) {
    if (key !== "requireTLS") throw new Error(`SMTP_URL: unsupported parameter "${key}" (only requireTLS)`);
  }
  const secure = url.protocol === "smtps:";
  // Answers and identity codes are personal data: refuse to send them in clear over a network.
  // A relay on this machine (or ?requireTLS=false) may go without.
  const requireTLS =
    !secure && (url.searchParams.get("requireTLS") ?? String(!LOOPBACK.test(host))) === "true";
  return {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    pool: false,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dnsTimeout: 10_000,
    // Our messages never carry attachments: forbid reading files or URLs on their behalf.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button that POSTs
 * `List-Unsubscribe=One-Click` to the link, without cookies (the link names who and what).
 * RFC 8058 §3.1 also wants a DKIM signature covering both headers: the relay's job.
 */
export function listUnsubscribeHeaders(url: string | undefined): Record<string, string> {
  if (!url) return {};
  if (/[\s<>]/.test(url)) throw new Error("an unsubscribe link cannot hold spaces or angle brackets");
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

const FromSchema = z.union([
  z.email(),
  z.string().regex(/^[^<>\r\n]*<[^<>\s]+@[^<>\s]+>$/, 'must be "address" or "Name <address>"'),
]);

/** The transport for this process: SMTP when `smtpUrl` is set, else outbox. `from` is "addr" or "Name <addr>". */
export function createTransport(options: { smtpUrl?: string; from: string }): MailTransport {
  const from = FromSchema.parse(options.from.trim());
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? "vigie.invalid";
  const messageId = (key?: string) => `<${key ?? randomUUID()}@${domain}>`;

  if (!options.smtpUrl) {
    return {
      mode: "outbox",
      send: async (email) => ({ messageId: messageId(email.messageKey) }),
      close: async () => {},
    };
  }

  const transporter = nodemailer.createTransport(smtpOptionsFromUrl(options.smtpUrl), { from });
  return {
    mode: "smtp",
    async send(email) {
      try {
        const info = await transporter.sendMail({
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          replyTo: email.replyTo,
          messageId: messageId(email.messageKey),
          // RFC 3834: an automatic message; out-of-office replies should not answer it.
          headers: { "Auto-Submitted": "auto-generated", ...listUnsubscribeHeaders(email.unsubscribeUrl) },
        });
        return { messageId: info.messageId };
      } catch (error) {
        throw classifySendError(error);
      }
    },
    close: async () => transporter.close(),
  };
}
