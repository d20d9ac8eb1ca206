// For tests: a real SMTP server on loopback (the smtp-server package) that keeps what it receives
// and can be told to refuse, plus a minimal MIME reader for what nodemailer writes.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  envelope: { from: string; to: string[] };
  /** Header names lower-cased, values unfolded and decoded (RFC 2047). */
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
};

/** A refusal to give at one step: 4xx is a temporary failure, 5xx a permanent one. */
export type SinkRefusal = { at: "rcpt" | "data"; code: number; message: string };

export type SmtpSink = {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Set to make the next commands fail; null accepts everything. */
  refuse: SinkRefusal | null;
  /** Sessions that authenticated, with their credentials. */
  logins: { user: string; pass: string }[];
  /**
   * Runs once a message is received and kept, before the server answers 250: a test can stop the
   * sender there (the message is out, the sender never hears so).
   */
  beforeAccept: ((mail: ReceivedMail) => Promise<void>) | null;
  close(): Promise<void>;
};

function refusal(r: SinkRefusal): Error {
  return Object.assign(new Error(r.message), { responseCode: r.code });
}

/** Starts a sink on 127.0.0.1 (random port), without TLS; AUTH accepted in clear, on loopback only. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: Omit<SmtpSink, "port" | "url" | "close"> = {
    received: [],
    refuse: null,
    logins: [],
    beforeAccept: null,
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      sink.logins.push({ user: auth.username ?? "", pass: auth.password ?? "" });
      callback(null, { user: auth.username });
    },
    onRcptTo(_address, _session, callback) {
      callback(sink.refuse?.at === "rcpt" ? refusal(sink.refuse) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (sink.refuse?.at === "data") return callback(refusal(sink.refuse));
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const mail = {
          envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) },
          ...parseMime(raw),
          raw,
        };
        sink.received.push(mail);
        if (!sink.beforeAccept) return callback();
        sink.beforeAccept(mail).then(
          () => callback(),
          (error) => callback(error),
        );
      });
    },
  });
  // A client that vanishes mid-session (a worker killed by a test) is its own business, not the sink's.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function decodeQuotedPrintable(value: string, underscoreIsSpace = false): string {
  const input = value.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const hex = input.slice(i + 1, i + 3);
    if (input[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (underscoreIsSpace && input[i] === "_") {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(input[i] as string, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words ("=?UTF-8?Q?...?="), adjacent ones joined. */
function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text, true),
    );
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf("\r\n\r\n");
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

/** Enough MIME for nodemailer's output: a single part or one level of multipart. */
export function parseMime(raw: string): Omit<ReceivedMail, "envelope" | "raw"> {
  const { headers, body } = splitPart(raw);
  const type = headers["content-type"] ?? "text/plain";
  const parts: { headers: Record<string, string>; body: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const sections = body.split(`--${boundary}`).slice(1, -1);
    for (const section of sections) parts.push(splitPart(section.replace(/^\r\n/, "").replace(/\r\n$/, "")));
  } else {
    parts.push({ headers, body });
  }
  const find = (mime: string) => {
    const part = parts.find((p) =>
      (p.headers["content-type"] ?? "text/plain").toLowerCase().startsWith(mime),
    );
    return part ? decodeBody(part.headers, part.body) : "";
  };
  return { headers, subject: headers.subject ?? "", text: find("text/plain"), html: find("text/html") };
}
