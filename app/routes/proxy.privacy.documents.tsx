// Where a shopper sends the documents a check asks for (a payment check, or an identity document
// on a reasonable doubt), from the signed link in their e-mail. Encrypted at once; never shown back.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import { DocumentsPage, MessagePage } from "~/components/privacy-centre-pages";
import { httpStatusOf, isAppError } from "~/domain/errors";
import { resolveShopperLocale } from "~/i18n/locale";
import { en } from "~/i18n/messages/en";
import { createShopperTranslator } from "~/i18n/translate";
import { MAX_DOCUMENT_BYTES } from "~/services/documents.server";
import { receiveDocuments, uploadTarget } from "~/services/privacy-centre/document-uploads.server";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { type ProxyContext, requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { verifyToken } from "~/utils/signed-token.server";

/** The refusals a shopper can meet here, worded in every shopper language. */
const DOCUMENT_ERRORS = en.documents.errors;

const DocumentsToken = z.object({ o: z.enum(["identity_check", "payment_check"]), i: z.string().min(1) });

async function target(context: AppLoadContext, proxy: ProxyContext, token: string) {
  const owner = verifyToken(context.encryptionKey, "documents", token, DocumentsToken);
  return owner ? uploadTarget(context.db, proxy.shop.id, { ownerType: owner.o, ownerId: owner.i }) : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const proxy = await requireProxy(request, context);
  const t = createShopperTranslator(proxy.shopperLocale);
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const upload = await target(context, proxy, token);
  if (!upload?.open)
    return liquidResponse(<MessagePage title={t("documents.closedTitle")} body={t("documents.closed")} />, {
      status: 404,
    });
  return liquidResponse(
    <DocumentsPage
      locale={proxy.shopperLocale}
      prefix={proxy.pathPrefix}
      token={token}
      documents={upload.documents}
    />,
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const proxy = await requireProxy(request, context);
  // Capped per file: a larger one is refused while streaming, not after.
  const form = await unstable_parseMultipartFormData(
    request,
    unstable_createMemoryUploadHandler({ maxPartSize: MAX_DOCUMENT_BYTES }),
  ).catch(() => null);
  proxy.shopperLocale = resolveShopperLocale(String(form?.get("locale") ?? ""), null, proxy.shopperLocale);
  const t = createShopperTranslator(proxy.shopperLocale);
  if (!form)
    return liquidResponse(
      <MessagePage title={t("documents.rejectedTitle")} body={t("documents.errors.DOCUMENT_TOO_LARGE")} />,
      { status: 413 },
    );
  const upload = await target(context, proxy, String(form.get("t") ?? ""));
  if (!upload?.open)
    return liquidResponse(<MessagePage title={t("documents.closedTitle")} body={t("documents.closed")} />, {
      status: 404,
    });
  const files = form.getAll("file").filter((f): f is File => typeof f !== "string" && f.size > 0);
  if (files.length === 0)
    return liquidResponse(
      <MessagePage title={t("documents.rejectedTitle")} body={t("documents.errors.DOCUMENT_EMPTY")} />,
      { status: 400 },
    );
  try {
    await receiveDocuments(context.db, context.encryptionKey, proxy.shop.id, upload, files);
  } catch (error) {
    if (isAppError(error) && error.code in DOCUMENT_ERRORS) {
      return liquidResponse(
        <MessagePage
          title={t("documents.rejectedTitle")}
          body={t(`documents.errors.${error.code as keyof typeof DOCUMENT_ERRORS}`)}
        />,
        { status: httpStatusOf(error.code) },
      );
    }
    throw error;
  }
  return liquidResponse(<MessagePage title={t("documents.receivedTitle")} body={t("documents.received")} />);
}
