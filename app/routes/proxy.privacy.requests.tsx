// A shopper files a request from the storefront (the theme block's form posts here via the app proxy).
// A mistake shows the form again as it was typed, each error next to its field.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { ConfirmRequestPage, ReceivedPage, RequestFormPage } from "~/components/privacy-centre-pages";
import { computeDeadline } from "~/domain/deadlines/due-date";
import { isAppError } from "~/domain/errors";
import type { RequestType } from "~/domain/requests/request-types";
import { CLIENT_IP_HEADER } from "~/http/remix-adapter.server";
import { formatLocalDate } from "~/i18n/format-date";
import { resolveShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import {
  accountConfirmationToken,
  confirmsAccountRequest,
} from "~/services/privacy-centre/account-confirmation.server";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { accountEmail, type ProxyContext, requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { fileFromPrivacyCentre } from "~/services/privacy-centre/storefront-requests.server";
import { type FormErrors, formDataToObject, parseRequestForm } from "~/services/requests/request-form";
import { statusUrl } from "~/services/requests/request-links.server";

// A GET here (a refreshed page) goes back to the form.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const proxy = await requireProxy(request, context);
  throw redirect(proxy.pathPrefix);
}

/** The form again, as the shopper left it, with what went wrong. */
async function formAgain(
  context: AppLoadContext,
  proxy: ProxyContext,
  values: Record<string, string | string[]>,
  problem: { errors?: FormErrors; notice?: { title: string; body: string } },
  init: ResponseInit,
) {
  const email = await accountEmail(context.db, proxy);
  return liquidResponse(
    <RequestFormPage
      locale={proxy.shopperLocale}
      prefix={proxy.pathPrefix}
      email={email ?? ""}
      readonlyEmail={Boolean(email)}
      values={values}
      {...problem}
    />,
    init,
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = context.db;
  const proxy = await requireProxy(request, context);
  const raw = formDataToObject(await request.formData()) as Record<string, string | string[]>;
  // The block posts the storefront's language; the proxied query carries none.
  proxy.shopperLocale = resolveShopperLocale(
    typeof raw.locale === "string" ? raw.locale : null,
    null,
    proxy.shopperLocale,
  );
  const t = createShopperTranslator(proxy.shopperLocale);
  const { confirmation: _token, ...values } = raw;
  const parsed = parseRequestForm(raw);
  if (!parsed.ok) return formAgain(context, proxy, values, { errors: parsed.errors }, { status: 400 });
  const links = context.links(proxy.shop.domain, proxy.pathPrefix);
  const secret = context.encryptionKey;
  const customer = proxy.loggedInCustomerId;
  if (customer && !confirmsAccountRequest(secret, String(raw.confirmation ?? ""), customer, parsed.form)) {
    return liquidResponse(
      <ConfirmRequestPage
        locale={proxy.shopperLocale}
        prefix={proxy.pathPrefix}
        type={parsed.form.type}
        fields={values}
        token={accountConfirmationToken(secret, customer, parsed.form)}
      />,
    );
  }
  try {
    const filing = await fileFromPrivacyCentre({
      db,
      links,
      proxy,
      form: parsed.form,
      clientIp: request.headers.get(CLIENT_IP_HEADER),
    });
    if (filing.outcome === "limited") {
      const minutes = Math.ceil(filing.retryAfterSeconds / 60);
      const body = t(filing.limit === "address" ? "privacy.tooManyAddress" : "privacy.tooManyClient", {
        minutes,
      });
      return formAgain(
        context,
        proxy,
        values,
        { notice: { title: t("privacy.tooManyTitle"), body } },
        { status: 429, headers: { "retry-after": String(filing.retryAfterSeconds) } },
      );
    }
    const created = filing.request;
    const deadline = computeDeadline({ receivedAt: created.receivedAt, timeZone: created.timeZone });
    return liquidResponse(
      <ReceivedPage
        locale={proxy.shopperLocale}
        prefix={proxy.pathPrefix}
        reference={created.reference}
        type={created.type as RequestType}
        dueOn={formatLocalDate(proxy.shopperLocale, deadline.dueDate)}
        needsCode={created.state === "identity_check"}
        statusUrl={statusUrl(links, created.id, proxy.shopperLocale)}
      />,
    );
  } catch (error) {
    // The form was validated, details included: a refusal here is about the request as a whole.
    if (isAppError(error))
      return formAgain(
        context,
        proxy,
        values,
        { notice: { title: t("privacy.invalidTitle"), body: t("privacy.invalidBody") } },
        { status: 400 },
      );
    throw error;
  }
}
