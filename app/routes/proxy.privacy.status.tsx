// Where a requester follows their request, from the signed link in their e-mails.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { MessagePage, StatusPage } from "~/components/privacy-centre-pages";
import { getDb } from "~/db.server";
import type { RequestType } from "~/domain/requests/request-types";
import { createTranslator } from "~/i18n/translate";
import { getRuntime } from "~/runtime.server";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { requestDeadline } from "~/services/requests/request-record.server";
import { verifyToken } from "~/utils/signed-token.server";

const StatusToken = z.object({ r: z.string().min(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const runtime = getRuntime();
  const proxy = await requireProxy(db, runtime.shopifySecret, request);
  const t = createTranslator(proxy.locale);
  const claims = verifyToken(
    runtime.encryptionKey,
    "request",
    new URL(request.url).searchParams.get("t") ?? "",
    StatusToken,
  );
  const row = claims
    ? await db.rightsRequest.findFirst({
        where: { id: claims.r, shopId: proxy.shop.id },
        include: { pauses: true },
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
      reference={row.reference}
      type={row.type as RequestType}
      state={row.state}
      receivedOn={day(deadline.receivedOn)}
      dueOn={row.closedAt ? null : day(deadline.dueDate)}
    />,
  );
}
