import { describe, expect, it } from "vitest";
import { noticeHtml } from "./notice-html";

describe("noticeHtml", () => {
  it("writes each section as a heading, paragraphs and a list, every text escaped", () => {
    const html = noticeHtml(
      {
        title: "Politique",
        sections: [
          {
            id: "controller",
            heading: "Qui traite vos données",
            paragraphs: ['<script>alert("x")</script> & iméra'],
            items: [],
          },
          { id: "rights", heading: "Vos droits", paragraphs: [], items: ["Accès", "Effacement <b>"] },
        ],
      },
      "Version 2, en vigueur depuis le 2 décembre 2026",
    );
    expect(html).toBe(
      [
        "<p><em>Version 2, en vigueur depuis le 2 décembre 2026</em></p>",
        "<h2>Qui traite vos données</h2>",
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; iméra</p>",
        "<h2>Vos droits</h2>",
        "<ul><li>Accès</li><li>Effacement &lt;b&gt;</li></ul>",
      ].join("\n"),
    );
    expect(html).not.toContain("<script>");
  });
});
