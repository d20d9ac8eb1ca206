// One description of an e-mail's content, rendered twice: as plain text and as simple inline-styled
// HTML. Templates never write markup, so the two parts carry the same content and every string
// reaching the HTML goes through escapeHtml.
import type { ShopperLocale as Locale } from "~/i18n/locale";
import { colon, escapeHtml } from "./format";

/** A run of text inside a paragraph or a list item. */
export type Inline = string | { strong: string } | { href: string; label?: string };

export type Block =
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "heading"; text: string }
  /** Label/value rows: reference, dates. */
  | { kind: "facts"; rows: { label: string; value: string }[] }
  /** Text typed by staff or agreed by the shopper, shown as typed (line breaks kept). */
  | { kind: "quote"; text: string }
  | { kind: "list"; items: Inline[][] }
  | { kind: "button"; href: string; label: string }
  /** A code to type in, shown large. */
  | { kind: "code"; value: string };

export type EmailContent = {
  subject: string;
  blocks: Block[];
  /** Closing lines ("Kind regards", who signs). */
  signature: string[];
  /** Small print under the message. */
  footer: string;
  /** A marketing-related e-mail's one-click withdrawal link, under the small print. */
  unsubscribe?: { lead: string; label: string; href: string };
};

export type RenderedEmail = { subject: string; text: string; html: string };

function inlineText(part: Inline): string {
  if (typeof part === "string") return part;
  if ("strong" in part) return part.strong;
  // The address in brackets only when the label does not already show it.
  const shown = !part.label || part.href === part.label || part.href === `mailto:${part.label}`;
  return shown ? (part.label ?? part.href) : `${part.label} (${part.href})`;
}

function blockText(block: Block, locale: Locale): string {
  switch (block.kind) {
    case "paragraph":
      return block.content.map(inlineText).join("");
    case "heading":
      return block.text.toUpperCase();
    case "facts":
      return block.rows.map((row) => `${row.label}${colon(locale)}${row.value}`).join("\n");
    case "quote":
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`.trimEnd())
        .join("\n");
    case "list":
      return block.items.map((item) => `- ${item.map(inlineText).join("")}`).join("\n");
    case "button":
      return `${block.label}${colon(locale)}${block.href}`;
    case "code":
      return `    ${block.value}`;
  }
}

/** The plain-text part. */
export function renderText(content: EmailContent, locale: Locale): string {
  const body = content.blocks.map((block) => blockText(block, locale)).join("\n\n");
  const unsubscribe = content.unsubscribe
    ? `\n${content.unsubscribe.lead}\n${content.unsubscribe.label}${colon(locale)}${content.unsubscribe.href}\n`
    : "";
  return `${body}\n\n${content.signature.join("\n")}\n\n-- \n${content.footer}\n${unsubscribe}`;
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const LINK = "color:#1d4ed8;text-decoration:underline";

function inlineHtml(part: Inline): string {
  if (typeof part === "string") return escapeHtml(part);
  if ("strong" in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
  return `<a href="${escapeHtml(part.href)}" style="${LINK}">${escapeHtml(part.label ?? part.href)}</a>`;
}

/** Staff text keeps its line breaks. */
function multiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px">${block.content.map(inlineHtml).join("")}</p>`;
    case "heading":
      return `<h2 style="margin:24px 0 8px;font-size:16px;color:#18181b">${escapeHtml(block.text)}</h2>`;
    case "facts": {
      const rows = block.rows
        .map(
          (row) =>
            `<tr><td style="padding:4px 16px 4px 0;color:#52525b;vertical-align:top">${escapeHtml(row.label)}</td>` +
            `<td style="padding:4px 0;font-weight:600;vertical-align:top">${escapeHtml(row.value)}</td></tr>`,
        )
        .join("");
      return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${rows}</table>`;
    }
    case "quote":
      return `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #d4d4d8;background:#f4f4f5">${multiline(block.text)}</blockquote>`;
    case "list":
      return `<ul style="margin:0 0 16px;padding-left:24px">${block.items
        .map((item) => `<li style="margin:0 0 6px">${item.map(inlineHtml).join("")}</li>`)
        .join("")}</ul>`;
    case "button":
      return (
        `<p style="margin:0 0 16px"><a href="${escapeHtml(block.href)}" style="display:inline-block;padding:10px 20px;` +
        `background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(block.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:13px;color:#52525b;word-break:break-all">` +
        `<a href="${escapeHtml(block.href)}" style="${LINK}">${escapeHtml(block.href)}</a></p>`
      );
    case "code":
      return `<p style="margin:0 0 16px;font-family:monospace;font-size:28px;letter-spacing:6px;font-weight:700">${escapeHtml(block.value)}</p>`;
  }
}

function unsubscribeHtml({ unsubscribe }: EmailContent): string {
  if (!unsubscribe) return "";
  return (
    `<p style="max-width:600px;margin:8px auto 0;${FONT};font-size:12px;line-height:1.5;color:#71717a">` +
    `${escapeHtml(unsubscribe.lead)} <a href="${escapeHtml(unsubscribe.href)}" style="${LINK}">${escapeHtml(unsubscribe.label)}</a></p>\n`
  );
}

/** The HTML part: one centred column, inline styles only (mail clients drop style sheets). */
export function renderHtml(content: EmailContent, locale: Locale, shopName: string): string {
  const body = content.blocks.map(blockHtml).join("\n");
  const signature = content.signature.map(escapeHtml).join("<br>");
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5">
<table role="presentation" width="100%" style="border-collapse:collapse;background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:600px;border-collapse:collapse;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px">
<tr><td style="padding:32px;${FONT};font-size:15px;line-height:1.6;color:#18181b">
<p style="margin:0 0 24px;font-size:13px;font-weight:600;color:#52525b">${escapeHtml(shopName)}</p>
${body}
<p style="margin:24px 0 0">${signature}</p>
</td></tr></table>
<p style="max-width:600px;margin:16px auto 0;${FONT};font-size:12px;line-height:1.5;color:#71717a">${escapeHtml(content.footer)}</p>
${unsubscribeHtml(content)}</td></tr></table>
</body>
</html>
`;
}
