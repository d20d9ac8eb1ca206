// The privacy notice as shoppers read it: plain markup, no script, usable inside the shop's theme
// (app proxy) and in the admin's preview. A stretch in another language carries its `lang`.
import { lineRuns, lineText, type Notice, type NoticeLine } from "~/domain/notice/notice";

function Line({ line }: { line: NoticeLine }) {
  return lineRuns(line).map((run, index) =>
    run.lang ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: runs are fixed, in order
      <span key={index} lang={run.lang}>
        {run.text}
      </span>
    ) : (
      run.text
    ),
  );
}

/** `lang`: the notice's language when it differs from the page's (an older version in French). */
export function NoticeView({ notice, footer, lang }: { notice: Notice; footer?: string; lang?: string }) {
  return (
    <article className="vigie-notice" data-testid="notice">
      {/* The footer is the page's language: only the notice itself carries `lang`. */}
      <h1 lang={lang}>{notice.title}</h1>
      {notice.sections.map((section) => (
        <section key={section.id} data-section={section.id} lang={lang}>
          {section.heading ? <h2>{section.heading}</h2> : null}
          {section.paragraphs.map((paragraph) => (
            <p key={lineText(paragraph)}>
              <Line line={paragraph} />
            </p>
          ))}
          {section.items.length > 0 ? (
            <ul>
              {section.items.map((item) => (
                <li key={lineText(item)}>
                  <Line line={item} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {footer ? <p data-testid="notice-version">{footer}</p> : null}
    </article>
  );
}
