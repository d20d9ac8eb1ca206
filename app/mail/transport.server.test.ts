import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../../tests/support/smtp-sink";
import { classifySendError, createTransport, MailSendError, smtpOptionsFromUrl } from "./transport.server";

const FROM = "Vigie <vigie@mail.example>";
const email = {
  to: "camille.martin@example.fr",
  subject: "iméra — Réponse à votre demande (DR-2026-0042)",
  text: "Bonjour,\n\nVotre demande DR-2026-0042 est traitée : données à l'adresse indiquée.\n",
  html: "<p>Bonjour,</p><p>Votre demande DR-2026-0042 est traitée.</p>",
};

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
afterEach(() => {
  sink.received.length = 0;
  sink.logins.length = 0;
  sink.refuse = null;
});

describe("createTransport", () => {
  it("sends through SMTP: subject, recipient, both parts, Reply-To and a Message-ID built from the key", async () => {
    const transport = createTransport({ smtpUrl: sink.url, from: FROM });
    const sent = await transport.send({ ...email, replyTo: "dpo@imera.example", messageKey: "email-1" });
    await transport.close();

    expect(transport.mode).toBe("smtp");
    expect(sent.messageId).toBe("<email-1@mail.example>");
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0];
    expect(mail?.envelope).toEqual({ from: "vigie@mail.example", to: ["camille.martin@example.fr"] });
    expect(mail?.subject).toBe(email.subject);
    expect(mail?.headers.to).toBe("camille.martin@example.fr");
    expect(mail?.headers["reply-to"]).toBe("dpo@imera.example");
    expect(mail?.headers["message-id"]).toBe("<email-1@mail.example>");
    expect(mail?.headers["auto-submitted"]).toBe("auto-generated");
    expect(mail?.text).toContain("DR-2026-0042");
    expect(mail?.text).toContain("données à l'adresse indiquée");
    expect(mail?.html).toContain("<p>Votre demande DR-2026-0042 est traitée.</p>");
  });

  it("sends a marketing-related e-mail's one-click withdrawal link as List-Unsubscribe (RFC 8058)", async () => {
    const url = `https://vigie.example.com/consent/unsubscribe/${"eyJzIjoic2hvcCIsInUiOiJzdWJqIn0".repeat(4)}.${"m".repeat(43)}`;
    const transport = createTransport({ smtpUrl: sink.url, from: FROM });
    await transport.send({ ...email, unsubscribeUrl: url });
    await transport.send(email);
    await transport.close();
    const [marketing, other] = sink.received;
    expect(marketing?.headers["list-unsubscribe"]).toBe(`<${url}>`);
    expect(marketing?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // A long link may be folded on the wire, but never cut inside a word.
    expect(marketing?.raw.replace(/\r\n[ \t]+/g, " ")).toContain(`List-Unsubscribe: <${url}>`);
    expect(other?.headers).not.toHaveProperty("list-unsubscribe");
    expect(other?.headers).not.toHaveProperty("list-unsubscribe-post");
  });

  it("logs in with the URL's percent-decoded credentials", async () => {
    const transport = createTransport({
      smtpUrl: `smtp://mailer%40imera:p%3Ass%2Fw0rd@127.0.0.1:${sink.port}`,
      from: FROM,
    });
    await transport.send(email);
    await transport.close();
    expect(sink.logins).toEqual([{ user: "mailer@imera", pass: "p:ss/w0rd" }]);
  });

  it("rejects with a transient MailSendError on a 4xx answer, without the address in the message", async () => {
    sink.refuse = { at: "data", code: 451, message: "4.3.0 <camille.martin@example.fr> try again later" };
    const transport = createTransport({ smtpUrl: sink.url, from: FROM });
    const error = await transport.send(email).catch((e: unknown) => e);
    await transport.close();
    expect(error).toBeInstanceOf(MailSendError);
    expect(error).toMatchObject({ permanent: false, message: "SMTP 451 4.3.0 at DATA (EMESSAGE)" });
    expect(sink.received).toHaveLength(0);
  });

  it("rejects with a permanent MailSendError when the server refuses the recipient with a 5xx", async () => {
    sink.refuse = { at: "rcpt", code: 550, message: "5.1.1 <camille.martin@example.fr>: no such user" };
    const transport = createTransport({ smtpUrl: sink.url, from: FROM });
    const error = await transport.send(email).catch((e: unknown) => e);
    await transport.close();
    expect(error).toMatchObject({ permanent: true, message: "SMTP 550 5.1.1 at RCPT TO (EENVELOPE)" });
    expect(String((error as Error).message)).not.toContain("example.fr");
  });

  it("rejects with a transient MailSendError when nothing listens", async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const transport = createTransport({ smtpUrl: closed.url, from: FROM });
    const error = await transport.send(email).catch((e: unknown) => e);
    await transport.close();
    expect(error).toMatchObject({ permanent: false, message: "SMTP (ESOCKET)" });
  });

  it("in outbox mode sends nothing and still returns a Message-ID", async () => {
    const transport = createTransport({ from: "vigie@mail.example" });
    const sent = await transport.send({ ...email, messageKey: "email-2" });
    await transport.close();
    expect(transport.mode).toBe("outbox");
    expect(sent.messageId).toBe("<email-2@mail.example>");
    expect(sink.received).toHaveLength(0);
  });

  it("refuses a sender that is not an address", () => {
    expect(() => createTransport({ from: "Vigie" })).toThrow();
    expect(() => createTransport({ from: "Vigie <vigie@mail.example>\r\nBcc: x@y.z" })).toThrow();
  });
});

describe("smtpOptionsFromUrl", () => {
  it("uses port 587 with STARTTLS required for a remote smtp:// server, and never pools", () => {
    expect(smtpOptionsFromUrl("smtp://user:pass@smtp.example.com")).toMatchObject({
      host: "smtp.example.com",
      port: 587,
      secure: false,
      requireTLS: true,
      pool: false,
      auth: { user: "user", pass: "pass" },
    });
  });

  it("uses implicit TLS on port 465 for smtps://", () => {
    expect(smtpOptionsFromUrl("smtps://smtp.example.com")).toMatchObject({
      port: 465,
      secure: true,
      auth: undefined,
    });
  });

  it("lets a relay on this machine, or ?requireTLS=false, go without TLS", () => {
    expect(smtpOptionsFromUrl("smtp://127.0.0.1:2525").requireTLS).toBe(false);
    expect(smtpOptionsFromUrl("smtp://[::1]:25")).toMatchObject({ host: "::1", requireTLS: false });
    expect(smtpOptionsFromUrl("smtp://smtp.example.com:25?requireTLS=false").requireTLS).toBe(false);
    expect(smtpOptionsFromUrl("smtp://localhost:25?requireTLS=true").requireTLS).toBe(true);
  });

  it("refuses query parameters that would change the transport, such as pool", () => {
    expect(() => smtpOptionsFromUrl("smtp://smtp.example.com?pool=true")).toThrow(
      /unsupported parameter "pool"/,
    );
  });

  it("reports an invalid URL without quoting it (it may hold a password)", () => {
    expect(() => smtpOptionsFromUrl("smtp://user:s3cret@")).toThrow(/^((?!s3cret).)*$/);
  });
});

describe("classifySendError", () => {
  it("treats rejected credentials as transient: the configuration is wrong, not the message", () => {
    const error = Object.assign(new Error("Invalid login: 535 5.7.8 bad"), {
      code: "EAUTH",
      responseCode: 535,
      response: "535 5.7.8 bad",
      command: "AUTH PLAIN",
    });
    expect(classifySendError(error)).toMatchObject({
      permanent: false,
      message: "SMTP 535 5.7.8 at AUTH PLAIN (EAUTH)",
    });
  });

  it("treats an address nodemailer refuses before sending as permanent", () => {
    const error = Object.assign(new Error('Invalid recipient "x"'), { code: "EENVELOPE", command: "API" });
    expect(classifySendError(error)).toMatchObject({ permanent: true, message: "SMTP (EENVELOPE)" });
  });
});
