// The privacy notice as shoppers read it: plain markup, no script, usable inside the shop's theme
// (app proxy) and in the admin's preview.
import type { Notice } from "~/domain/notice/notice";

export function NoticeView({ notice, footer }: { notice: Notice; footer?: string }) {
  return (
    <article className="vigie-notice" data-testid="notice">
      <h1>{notice.title}</h1>
      {notice.sections.map((section) => (
        <section key={section.id} data-section={section.id}>
          {section.heading ? <h2>{section.heading}</h2> : null}
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          {section.items.length > 0 ? (
            <ul>
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {footer ? <p data-testid="notice-version">{footer}</p> : null}
    </article>
  );
}
