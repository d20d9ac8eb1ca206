// An e-mail's stored HTML made fit for the outbox's frame (docs/decisions/081): the frame is
// sandboxed without scripts, and the document says so too (its own CSP), so a script in a body
// written by anyone never runs; its links open in a new tab, out of the sandbox, to be followed.
const HEAD =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; form-action 'none'">` +
  `<base target="_blank">`;

/** `html` with the outbox's CSP and base target first in its head (or first of all when it has none). */
export function previewHtml(html: string): string {
  const head = /<head(\s[^>]*)?>/i;
  return head.test(html) ? html.replace(head, (tag) => `${tag}${HEAD}`) : `${HEAD}${html}`;
}
