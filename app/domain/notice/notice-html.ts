// The published notice as the HTML body of the store's privacy policy (Shopify keeps policies as
// HTML). Every text is escaped: shop names and staff-edited record fields are not markup. A stretch
// in another language than the notice's (the shop's French in a German notice) carries its `lang`,
// so that screen readers pronounce it right (WCAG 3.1.2).
import { lineRuns, type Notice, type NoticeLine } from "./notice";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
const lineHtml = (line: NoticeLine) =>
  lineRuns(line)
    .map((run) =>
      run.lang ? `<span lang="${run.lang}">${escapeHtml(run.text)}</span>` : escapeHtml(run.text),
    )
    .join("");

/**
 * `notice` as HTML headed by the line that says which version it is (GDPR art. 12(1): the same
 * text shoppers read in the privacy centre), without a title: Shopify shows the policy's own.
 */
export function noticeHtml(notice: Notice, versionLine: string): string {
  const parts = [`<p><em>${escapeHtml(versionLine)}</em></p>`];
  for (const section of notice.sections) {
    parts.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    for (const paragraph of section.paragraphs) parts.push(`<p>${lineHtml(paragraph)}</p>`);
    if (section.items.length > 0) {
      parts.push(`<ul>${section.items.map((item) => `<li>${lineHtml(item)}</li>`).join("")}</ul>`);
    }
  }
  return parts.join("\n");
}
