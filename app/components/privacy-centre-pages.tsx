// The storefront privacy centre's pages, rendered to HTML fragments that Shopify's app proxy puts
// inside the shop's theme. Plain markup with inline styles: no script, no style element.
import type { ReactNode } from "react";
import { HEIR_SCOPES } from "~/domain/requests/request-details";
import { REQUEST_TYPES, type RequestType } from "~/domain/requests/request-types";
import { RESTRICTION_GROUNDS } from "~/domain/requests/restriction";
import type { ShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import {
  type FormErrors,
  RECTIFICATION_FORM_FIELDS,
  type RequestFormField,
} from "~/services/requests/request-form";

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

/** What a shopper typed, to show the form again as they left it. */
export type FormValues = Record<string, string | string[]>;

const errorText = { color: "#b00020", margin: "-0.75rem 0 1rem" } as const;
const alertBox = { border: "2px solid #b00020", padding: "0.75rem 1rem", margin: "1rem 0" } as const;
const fieldset = { border: "1px solid #ccc", padding: "0.75rem 1rem", margin: "0 0 1rem" } as const;

/**
 * The request form, every type's fields included (without script each type's own fieldset stays
 * visible under its legend). Shown again after a mistake with what was typed and each error next
 * to its field, or with a notice (too many filings).
 */
export function RequestFormPage({
  locale,
  prefix,
  email,
  readonlyEmail,
  values = {},
  errors = {},
  notice,
}: {
  locale: ShopperLocale;
  prefix: string;
  email: string;
  readonlyEmail: boolean;
  values?: FormValues;
  errors?: FormErrors;
  notice?: { title: string; body: string };
}) {
  const t = createShopperTranslator(locale);
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const list = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  };
  /** The field's id and error wiring, and the error itself to put right after it. */
  const wire = (name: RequestFormField) => {
    const key = errors[name];
    return {
      props: {
        id: `vigie-${name}`,
        name,
        "aria-invalid": key ? true : undefined,
        "aria-describedby": key ? `vigie-${name}-error` : undefined,
      },
      error: key ? (
        <p id={`vigie-${name}-error`} data-testid={`error-${name}`} style={errorText}>
          {t(key)}
        </p>
      ) : null,
    };
  };
  const type = wire("type");
  const message = wire("message");
  const action = wire("directive_action");
  const instructions = wire("directive_instructions");
  const executorName = wire("executor_name");
  const executorEmail = wire("executor_email");
  const consent = wire("specific_consent");
  const deceased = wire("deceased_email");
  const relationship = wire("heir_relationship");
  const scope = wire("heir_scope");
  const ground = wire("restriction_ground");
  const mail = wire("email");
  const name = wire("name");
  return (
    <ProxyLayout title={t("privacy.title")}>
      <p>
        <a href={`${prefix}/receipt?locale=${locale}`} data-testid="receipt-link">
          {t("consentReceipt.link")}
        </a>
      </p>
      {notice && (
        <div role="alert" data-testid="notice" style={alertBox}>
          <strong>{notice.title}</strong>
          <p>{notice.body}</p>
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <div role="alert" data-testid="form-errors" style={alertBox}>
          <strong>{t("privacy.invalidTitle")}</strong>
          <p>{t("privacy.invalidBody")}</p>
        </div>
      )}
      <p>{t("privacy.intro")}</p>
      <p>
        <a href={`${prefix}/notice?locale=${locale}`} data-testid="notice-link">
          {t("privacy.noticeLink")}
        </a>
      </p>
      <ul>
        {REQUEST_TYPES.map((value) => (
          <li key={value}>
            <strong>{t(`shopper.requestTypes.${value}`)}</strong> —{" "}
            {t(`shopper.requestDescriptions.${value}`)}
          </li>
        ))}
      </ul>
      <form method="post" action={`${prefix}/requests`}>
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor="vigie-type">{t("privacy.type")}</label>
        <select {...type.props} style={field} required defaultValue={text("type") || undefined}>
          {REQUEST_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`shopper.requestTypes.${value}`)}
            </option>
          ))}
        </select>
        {type.error}
        <label htmlFor="vigie-message">{t("privacy.message")}</label>
        <textarea {...message.props} rows={4} style={field} defaultValue={text("message")} />
        {message.error}

        <fieldset style={fieldset}>
          <legend>{t("privacy.directive.legend")}</legend>
          <label htmlFor="vigie-directive_action">{t("privacy.directive.action")}</label>
          <select {...action.props} style={field} defaultValue={text("directive_action") || "record"}>
            {(["record", "update", "revoke"] as const).map((value) => (
              <option key={value} value={value}>
                {t(`privacy.directive.actions.${value}`)}
              </option>
            ))}
          </select>
          {action.error}
          <label htmlFor="vigie-directive_instructions">{t("privacy.directive.instructions")}</label>
          <textarea
            {...instructions.props}
            rows={5}
            maxLength={10_000}
            style={field}
            defaultValue={text("directive_instructions")}
          />
          {instructions.error}
          <label htmlFor="vigie-executor_name">{t("privacy.directive.executorName")}</label>
          <input {...executorName.props} type="text" style={field} defaultValue={text("executor_name")} />
          {executorName.error}
          <label htmlFor="vigie-executor_email">{t("privacy.directive.executorEmail")}</label>
          <input {...executorEmail.props} type="email" style={field} defaultValue={text("executor_email")} />
          {executorEmail.error}
          <p>
            <input
              {...consent.props}
              type="checkbox"
              value="on"
              defaultChecked={text("specific_consent") === "on"}
            />{" "}
            <label htmlFor="vigie-specific_consent">{t("privacy.directive.consent")}</label>
          </p>
          {consent.error}
        </fieldset>

        <fieldset style={fieldset}>
          <legend>{t("privacy.restriction.legend")}</legend>
          <label htmlFor="vigie-restriction_ground">{t("privacy.restriction.ground")}</label>
          <select {...ground.props} style={field} defaultValue={text("restriction_ground")}>
            <option value="">—</option>
            {RESTRICTION_GROUNDS.map((value) => (
              <option key={value} value={value}>
                {t(`privacy.restriction.grounds.${value}`)}
              </option>
            ))}
          </select>
          {ground.error}
        </fieldset>

        <fieldset style={fieldset} data-testid="rectification-fields">
          <legend>{t("privacy.rectification.legend")}</legend>
          <p>{t("privacy.rectification.help")}</p>
          {RECTIFICATION_FORM_FIELDS.map(([name, label, autofill]) => {
            const wired = wire(name);
            return (
              <div key={name}>
                <label htmlFor={`vigie-${name}`}>{t(`privacy.rectification.${label}`)}</label>
                <input
                  {...wired.props}
                  type={name === "rect_email" ? "email" : name === "rect_phone" ? "tel" : "text"}
                  // A section apart, so that the browser does not fill them with the contact fields.
                  autoComplete={`section-vigie-rectification ${autofill}`}
                  style={field}
                  defaultValue={text(name)}
                />
                {wired.error}
              </div>
            );
          })}
        </fieldset>

        <p>
          <input
            id="vigie-recipients_asked"
            name="recipients_asked"
            type="checkbox"
            value="on"
            defaultChecked={text("recipients_asked") === "on"}
          />{" "}
          <label htmlFor="vigie-recipients_asked">{t("privacy.restriction.recipientsAsked")}</label>
        </p>

        <fieldset style={fieldset}>
          <legend>{t("privacy.heir.legend")}</legend>
          <label htmlFor="vigie-deceased_email">{t("privacy.heir.deceasedEmail")}</label>
          <input {...deceased.props} type="email" style={field} defaultValue={text("deceased_email")} />
          {deceased.error}
          <label htmlFor="vigie-heir_relationship">{t("privacy.heir.relationship")}</label>
          <input
            {...relationship.props}
            type="text"
            maxLength={100}
            style={field}
            defaultValue={text("heir_relationship")}
          />
          {relationship.error}
          <fieldset
            style={{ border: 0, padding: 0, margin: "0 0 1rem" }}
            aria-invalid={scope.props["aria-invalid"]}
            aria-describedby={scope.props["aria-describedby"]}
          >
            <legend>{t("privacy.heir.scope")}</legend>
            {HEIR_SCOPES.map((value) => (
              <p key={value} style={{ margin: "0.25rem 0" }}>
                <input
                  id={`vigie-heir_scope-${value}`}
                  name="heir_scope"
                  type="checkbox"
                  value={value}
                  defaultChecked={list("heir_scope").includes(value)}
                />{" "}
                <label htmlFor={`vigie-heir_scope-${value}`}>{t(`privacy.heir.scopes.${value}`)}</label>
              </p>
            ))}
          </fieldset>
          {scope.error}
          <p>{t("privacy.heir.documents")}</p>
        </fieldset>

        <label htmlFor="vigie-email">{t("privacy.email")}</label>
        <input
          {...mail.props}
          type="email"
          required
          defaultValue={readonlyEmail ? email : text("email") || email}
          readOnly={readonlyEmail}
          style={field}
        />
        {mail.error}
        <label htmlFor="vigie-name">{t("privacy.name")}</label>
        <input {...name.props} type="text" style={field} defaultValue={text("name")} />
        {name.error}
        <button type="submit" style={button}>
          {t("privacy.submit")}
        </button>
      </form>
    </ProxyLayout>
  );
}

/** A signed-in shopper confirms what they are about to file (the fields ride along, unchanged). */
export function ConfirmRequestPage(props: {
  locale: ShopperLocale;
  prefix: string;
  type: RequestType;
  fields: Record<string, string | string[]>;
  token: string;
}) {
  const t = createShopperTranslator(props.locale);
  return (
    <ProxyLayout title={t("privacy.confirmRequestTitle")}>
      <p>{t("privacy.confirmRequestBody", { type: t(`shopper.requestTypes.${props.type}`) })}</p>
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
  locale: ShopperLocale;
  prefix: string;
  reference: string;
  type: RequestType;
  dueOn: string;
  needsCode: boolean;
  statusUrl: string;
}) {
  const t = createShopperTranslator(props.locale);
  return (
    <ProxyLayout title={t("privacy.receivedTitle")}>
      <p data-testid="received">
        {t("privacy.receivedBody", {
          reference: props.reference,
          type: t(`shopper.requestTypes.${props.type}`),
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
  locale: ShopperLocale;
  prefix: string;
  token: string;
  code: string;
}) {
  const t = createShopperTranslator(locale);
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
export function DocumentsPage(props: {
  locale: ShopperLocale;
  prefix: string;
  token: string;
  documents: string[];
}) {
  const t = createShopperTranslator(props.locale);
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
  locale: ShopperLocale;
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
  const t = createShopperTranslator(props.locale);
  return (
    <ProxyLayout title={t("privacy.statusTitle", { reference: props.reference })}>
      <dl>
        <dt>{t("privacy.type")}</dt>
        <dd>{t(`shopper.requestTypes.${props.type}`)}</dd>
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
