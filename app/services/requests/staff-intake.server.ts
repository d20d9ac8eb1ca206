// A request staff enter themselves (an e-mail or letter to the DPO), with the date it was received:
// the legal clock starts then, not when it is typed in.
import type { Db } from "~/db/client.server";
import { requiredIdentityCheck } from "~/domain/requests/identity-policy";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import type { Locale } from "~/i18n/locale";
import { upsertSubject } from "../subjects.server";
import { fileRequest } from "./create-request.server";
import { noteDirectiveForHeirRequest } from "./post-mortem-directives.server";
import { detailsFromForm, type RequestForm } from "./request-form";
import type { LinkContext } from "./request-links.server";

export async function fileStaffRequest(options: {
  db: Db;
  links: LinkContext;
  shop: { id: string; domain: string; name: string | null };
  staffId: string;
  form: RequestForm;
  locale: Locale;
  receivedAt: Date;
}) {
  const { db, links, shop, staffId, form } = options;
  const details = detailsFromForm(form);
  const request = await db.$transaction(async (tx) => {
    const known = await tx.subject.findFirst({
      where: { shopId: shop.id, email: form.email },
      select: { id: true },
    });
    // An heir's request is about the deceased, found by their address; the heir is only the requester.
    const deceased = details.type === "heir_request" ? normaliseEmail(details.deceasedEmail) : null;
    const subject =
      details.type === "heir_request"
        ? deceased === null
          ? null
          : await tx.subject.findFirst({
              where: { shopId: shop.id, email: deceased },
              orderBy: { createdAt: "asc" },
              select: { id: true },
            })
        : (known ?? (await upsertSubject(tx, shop.id, { email: form.email })));
    const identity = requiredIdentityCheck({
      requestType: details.type,
      context: { channel: "staff", emailMatchesCustomerOnFile: Boolean(known) },
    });
    const filed = await fileRequest(tx, links, {
      shop,
      details,
      channel: "staff",
      requesterEmail: form.email,
      requesterName: form.name,
      message: form.message,
      locale: options.locale,
      receivedAt: options.receivedAt,
      identity,
      subjectId: subject?.id ?? null,
      actor: { type: "staff", id: staffId },
    });
    await noteDirectiveForHeirRequest(tx, shop.id, filed);
    return filed;
  });
  return request;
}
