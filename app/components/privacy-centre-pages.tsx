// The storefront privacy centre's pages, rendered to HTML fragments that Shopify's app proxy puts
// inside the shop's theme. Plain markup with inline styles: no script, no style element.
import type { ReactNode } from "react";
import { REQUEST_TYPE_INFO, REQUEST_TYPES, type RequestType } from "~/domain/requests/request-types";
import type { Locale } from "~/i18n/locale";
import { createTranslator } from "~/i18n/translate";

const box = { maxWidth: "40rem", margin: "2rem auto", padding: "0 1rem", lineHeight: 1.5 } as const;
const field = {
  display: "block",
  width: "100%",
  padding: "0.5rem",
  margin: "0.25rem 0 1rem",
  boxSizing: "border-box",
} as const;
const button = { padding: "0.7rem 1.2rem", fontSize: "1rem", cursor: "pointer" } as const;

export function ProxyLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="vigie-privacy" style={box}>
      <h1>{title}</h1>
      {children}
    </section>
  );
}

export function RequestFormPage({
  locale,
  prefix,
  email,
  readonlyEmail,
}: {
  locale: Locale;
  prefix: string;
  email: string;
  readonlyEmail: boolean;
}) {
  const t = createTranslator(locale);
  return (
    <ProxyLayout title={t("privacy.title")}>
      <p>{t("privacy.intro")}</p>
      <ul>
        {REQUEST_TYPES.map((type) => (
          <li key={type}>
            <strong>{REQUEST_TYPE_INFO[type].label[locale]}</strong> —{" "}
            {REQUEST_TYPE_INFO[type].description[locale]}
          </li>
        ))}
      </ul>
      <form method="post" action={`${prefix}/requests`}>
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor="vigie-type">{t("privacy.type")}</label>
        <select id="vigie-type" name="type" style={field} required>
          {REQUEST_TYPES.map((type) => (
            <option key={type} value={type}>
              {REQUEST_TYPE_INFO[type].label[locale]}
            </option>
          ))}
        </select>
        <label htmlFor="vigie-email">{t("privacy.email")}</label>
        <input
          id="vigie-email"
          name="email"
          type="email"
          required
          defaultValue={email}
          readOnly={readonlyEmail}
          style={field}
        />
        <label htmlFor="vigie-name">{t("privacy.name")}</label>
        <input id="vigie-name" name="name" type="text" style={field} />
        <label htmlFor="vigie-message">{t("privacy.message")}</label>
        <textarea id="vigie-message" name="message" rows={4} style={field} />
        <button type="submit" style={button}>
          {t("privacy.submit")}
        </button>
      </form>
    </ProxyLayout>
  );
}

/** A signed-in shopper confirms what they are about to file (the fields ride along, unchanged). */
export function ConfirmRequestPage(props: {
  locale: Locale;
  prefix: string;
  type: RequestType;
  fields: Record<string, string | string[]>;
  token: string;
}) {
  const t = createTranslator(props.locale);
  return (
    <ProxyLayout title={t("privacy.confirmRequestTitle")}>
      <p>{t("privacy.confirmRequestBody", { type: REQUEST_TYPE_INFO[props.type].label[props.locale] })}</p>
      <form method="post" action={`${props.prefix}/requests`}>
        {Object.entries(props.fields).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((v) => (
            <input key={`${name}-${v}`} type="hidden" name={name} value={v} />
          )),
        )}
        <input type="hidden" name="confirmation" value={props.token} />
        <button type="submit" style={button}>
          {t("privacy.confirmRequest")}
        </button>
      </form>
      <p>
        <a href={props.prefix}>{t("privacy.back")}</a>
      </p>
    </ProxyLayout>
  );
}

export function ReceivedPage(props: {
  locale: Locale;
  prefix: string;
  reference: string;
  type: RequestType;
  dueOn: string;
  needsCode: boolean;
  statusUrl: string;
}) {
  const t = createTranslator(props.locale);
  return (
    <ProxyLayout title={t("privacy.receivedTitle")}>
      <p data-testid="received">
        {t("privacy.receivedBody", {
          reference: props.reference,
          type: REQUEST_TYPE_INFO[props.type].label[props.locale],
          due: props.dueOn,
        })}
      </p>
      {props.needsCode && <p>{t("privacy.checkEmail")}</p>}
      <p>
        <a href={props.statusUrl}>{t("privacy.follow")}</a>
      </p>
    </ProxyLayout>
  );
}

export function ConfirmPage({
  locale,
  prefix,
  token,
  code,
}: {
  locale: Locale;
  prefix: string;
  token: string;
  code: string;
}) {
  const t = createTranslator(locale);
  return (
    <ProxyLayout title={t("privacy.confirmTitle")}>
      <p>{t("privacy.confirmBody")}</p>
      <form method="post" action={`${prefix}/confirm`}>
        <input type="hidden" name="t" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor="vigie-code">{t("privacy.code")}</label>
        <input
          id="vigie-code"
          name="c"
          inputMode="numeric"
          pattern="[0-9]{6}"
          required
          defaultValue={code}
          style={field}
        />
        <button type="submit" style={button}>
          {t("privacy.confirm")}
        </button>
      </form>
    </ProxyLayout>
  );
}

export function MessagePage({
  title,
  body,
  link,
}: {
  title: string;
  body: string;
  link?: { href: string; label: string };
}) {
  return (
    <ProxyLayout title={title}>
      <p data-testid="message">{body}</p>
      {link && (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      )}
    </ProxyLayout>
  );
}

/** The upload form for the documents a check asks for (multipart, through the app proxy). */
export function DocumentsPage(props: { locale: Locale; prefix: string; token: string; documents: string[] }) {
  const t = createTranslator(props.locale);
  return (
    <ProxyLayout title={t("documents.title")}>
      <p>{t("documents.intro")}</p>
      <ul>
        {props.documents.map((d) => (
          <li key={d}>{t(`documents.kinds.${d}` as never)}</li>
        ))}
      </ul>
      <p>{t("documents.privacy")}</p>
      <form method="post" action={`${props.prefix}/documents`} encType="multipart/form-data">
        <input type="hidden" name="t" value={props.token} />
        <input type="hidden" name="locale" value={props.locale} />
        <label htmlFor="vigie-files">{t("documents.files")}</label>
        <input
          id="vigie-files"
          name="file"
          type="file"
          multiple
          required
          accept="application/pdf,image/jpeg,image/png,image/webp,image/heic"
          style={field}
        />
        <button type="submit" style={button}>
          {t("documents.send")}
        </button>
      </form>
    </ProxyLayout>
  );
}

export function StatusPage(props: {
  locale: Locale;
  prefix: string;
  token: string;
  canResend: boolean;
  notice?: string;
  reference: string;
  type: RequestType;
  state: string;
  receivedOn: string;
  dueOn: string | null;
}) {
  const t = createTranslator(props.locale);
  return (
    <ProxyLayout title={t("privacy.statusTitle", { reference: props.reference })}>
      <dl>
        <dt>{t("privacy.type")}</dt>
        <dd>{REQUEST_TYPE_INFO[props.type].label[props.locale]}</dd>
        <dt>{t("privacy.stateLabel")}</dt>
        <dd data-testid="state">{t(`privacy.states.${props.state}` as never)}</dd>
        <dt>{t("privacy.receivedOn")}</dt>
        <dd>{props.receivedOn}</dd>
        {props.dueOn && (
          <>
            <dt>{t("privacy.dueOn")}</dt>
            <dd>{props.dueOn}</dd>
          </>
        )}
      </dl>
      {props.notice && <p data-testid="notice">{props.notice}</p>}
      {props.canResend && (
        <form method="post" action={`${props.prefix}/confirm`}>
          <input type="hidden" name="t" value={props.token} />
          <input type="hidden" name="locale" value={props.locale} />
          <label htmlFor="vigie-code">{t("privacy.code")}</label>
          <input id="vigie-code" name="c" inputMode="numeric" pattern="[0-9]{6}" required style={field} />
          <button type="submit" style={button}>
            {t("privacy.confirm")}
          </button>
        </form>
      )}
      {props.canResend && (
        <form method="post" action={`${props.prefix}/status`}>
          <input type="hidden" name="t" value={props.token} />
          <input type="hidden" name="locale" value={props.locale} />
          <button type="submit" style={button}>
            {t("privacy.resend")}
          </button>
        </form>
      )}
      <p>{t("privacy.cnil")}</p>
    </ProxyLayout>
  );
}
