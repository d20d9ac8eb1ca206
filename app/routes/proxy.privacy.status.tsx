// Where a requester follows their request, from the signed link in their e-mails; a requester still
// waiting to confirm their address can ask for a new code here.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { MessagePage, StatusPage } from "~/components/privacy-centre-pages";
import type { RequestType } from "~/domain/requests/request-types";
import { resolveLocale } from "~/i18n/locale";
import { createTranslator } from "~/i18n/translate";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { type ProxyContext, requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { resendIdentityCode } from "~/services/requests/request-actions.server";
import { requestDeadline } from "~/services/requests/request-record.server";
import { verifyToken } from "~/utils/signed-token.server";

const StatusToken = z.object({ r: z.string().min(1) });

async function page(context: AppLoadContext, proxy: ProxyContext, token: string, notice?: string) {
  const db = context.db;
  const t = createTranslator(proxy.locale);
  const claims = verifyToken(context.encryptionKey, "request", token, StatusToken);
  const row = claims
    ? await db.rightsRequest.findFirst({
        where: { id: claims.r, shopId: proxy.shop.id },
        include: {
          pauses: true,
          identityChecks: { where: { method: "email_code", status: "passed" }, select: { id: true } },
        },
      })
    : null;
  if (!row)
    return liquidResponse(<MessagePage title={t("privacy.notFoundTitle")} body={t("privacy.notFound")} />, {
      status: 404,
    });
  const deadline = requestDeadline(row);
  const day = (local: string) =>
    new Intl.DateTimeFormat(proxy.locale, { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${local}T00:00:00Z`),
    );
  return liquidResponse(
    <StatusPage
      locale={proxy.locale}
      prefix={proxy.pathPrefix}
      token={token}
      canResend={
        // An heir who confirmed their address waits for the proofs, not for a code.
        row.state === "identity_check" &&
        row.identityLevel === "email_link" &&
        row.identityChecks.length === 0
      }
      notice={notice}
      reference={row.reference}
      type={row.type as RequestType}
      state={row.state}
      receivedOn={day(deadline.receivedOn)}
      dueOn={row.closedAt ? null : day(deadline.dueDate)}
    />,
  );
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const proxy = await requireProxy(request, context);
  return page(context, proxy, new URL(request.url).searchParams.get("t") ?? "");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = context.db;
  const proxy = await requireProxy(request, context);
  const form = await request.formData();
  proxy.locale = resolveLocale(String(form.get("locale") ?? proxy.locale));
  const t = createTranslator(proxy.locale);
  const token = String(form.get("t") ?? "");
  const claims = verifyToken(context.encryptionKey, "request", token, StatusToken);
  if (!claims) return page(context, proxy, token);
  const outcome = await resendIdentityCode(
    db,
    context.links(proxy.shop.domain, proxy.pathPrefix),
    proxy.shop,
    claims.r,
  );
  return page(
    context,
    proxy,
    token,
    outcome === "sent" ? t("privacy.resent") : outcome === "limit" ? t("privacy.resendLimit") : undefined,
  );
}
