// A shopper files a request from the storefront (the theme block's form posts here via the app proxy).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { ConfirmRequestPage, MessagePage, ReceivedPage } from "~/components/privacy-centre-pages";
import { getDb } from "~/db.server";
import { computeDeadline } from "~/domain/deadlines/due-date";
import { RequestError } from "~/domain/requests/request-error";
import type { RequestType } from "~/domain/requests/request-types";
import { resolveLocale } from "~/i18n/locale";
import { createTranslator } from "~/i18n/translate";
import { getRuntime, requestLinks } from "~/runtime.server";
import {
  accountConfirmationToken,
  confirmsAccountRequest,
} from "~/services/privacy-centre/account-confirmation.server";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { fileStorefrontRequest } from "~/services/privacy-centre/storefront-requests.server";
import { formDataToObject, RequestFormSchema } from "~/services/requests/request-form";
import { statusUrl } from "~/services/requests/request-links.server";

// A GET here (a refreshed page) goes back to the form.
export async function loader({ request }: LoaderFunctionArgs) {
  const proxy = await requireProxy(getDb(), getRuntime().shopifySecret, request);
  throw redirect(proxy.pathPrefix);
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const proxy = await requireProxy(db, getRuntime().shopifySecret, request);
  const raw = formDataToObject(await request.formData());
  // The block posts the storefront's language; the proxied query carries none.
  proxy.locale = resolveLocale(typeof raw.locale === "string" ? raw.locale : proxy.locale);
  const t = createTranslator(proxy.locale);
  const form = RequestFormSchema.safeParse(raw);
  if (!form.success) {
    const back = { href: proxy.pathPrefix, label: t("privacy.back") };
    return liquidResponse(
      <MessagePage title={t("privacy.invalidTitle")} body={t("privacy.invalidBody")} link={back} />,
      { status: 400 },
    );
  }
  const links = requestLinks(proxy.shop.domain, proxy.pathPrefix);
  const secret = getRuntime().encryptionKey;
  const customer = proxy.loggedInCustomerId;
  if (customer && !confirmsAccountRequest(secret, String(raw.confirmation ?? ""), customer, form.data)) {
    const { confirmation: _old, ...fields } = raw as Record<string, string | string[]>;
    return liquidResponse(
      <ConfirmRequestPage
        locale={proxy.locale}
        prefix={proxy.pathPrefix}
        type={form.data.type}
        fields={fields}
        token={accountConfirmationToken(secret, customer, form.data)}
      />,
    );
  }
  try {
    const created = await fileStorefrontRequest({ db, links, proxy, form: form.data });
    const deadline = computeDeadline({ receivedAt: created.receivedAt, timeZone: created.timeZone });
    return liquidResponse(
      <ReceivedPage
        locale={proxy.locale}
        prefix={proxy.pathPrefix}
        reference={created.reference}
        type={created.type as RequestType}
        dueOn={new Intl.DateTimeFormat(proxy.locale, { dateStyle: "long", timeZone: "UTC" }).format(
          new Date(`${deadline.dueDate}T00:00:00Z`),
        )}
        needsCode={created.state === "identity_check"}
        statusUrl={statusUrl(links, created.id, proxy.locale)}
      />,
    );
  } catch (error) {
    if (error instanceof RequestError) {
      const back = { href: proxy.pathPrefix, label: t("privacy.back") };
      return liquidResponse(
        <MessagePage
          title={t("privacy.invalidTitle")}
          body={t(`requests.errors.${error.code}` as never)}
          link={back}
        />,
        { status: 400 },
      );
    }
    throw error;
  }
}
