// A request staff enter themselves (an e-mail or letter to the DPO), with the date it was received:
// the legal clock starts then, not when it is typed in.
import type { Db } from "~/db/client.server";
import { type LocalDate, toLocalDate } from "~/domain/deadlines/local-date";
import { receiptInstant } from "~/domain/deadlines/receipt";
import { requiredIdentityCheck } from "~/domain/requests/identity-policy";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import type { Locale } from "~/i18n/locale";
import { shopTimeZone } from "../shop-settings.server";
import { emailOnFile, upsertSubject } from "../subjects.server";
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
  /** The day it was received, in the shop's calendar, as staff enter it; not after the shop's today. */
  receivedOn?: LocalDate;
  /** Or the instant it was received, when known exactly (imports, tests). */
  receivedAt?: Date;
  now?: Date;
}) {
  const { db, links, shop, staffId, form } = options;
  const details = detailsFromForm(form);
  const request = await db.$transaction(async (tx) => {
    const timeZone = await shopTimeZone(tx, shop.id);
    const now = options.now ?? new Date();
    // Throws RECEIPT_IN_FUTURE for a day after the shop's today (docs/decisions/037).
    const receivedAt = options.receivedOn
      ? receiptInstant(options.receivedOn, timeZone, now)
      : (options.receivedAt ?? now);
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
      context: { channel: "staff", emailMatchesCustomerOnFile: await emailOnFile(tx, shop.id, form.email) },
    });
    const filed = await fileRequest(tx, links, {
      shop,
      details,
      channel: "staff",
      requesterEmail: form.email,
      requesterName: form.name,
      message: form.message,
      locale: options.locale,
      receivedAt,
      timeZone,
      identity,
      subjectId: subject?.id ?? null,
      actor: { type: "staff", id: staffId },
    });
    await noteDirectiveForHeirRequest(tx, shop.id, filed);
    return filed;
  });
  return request;
}

/** The shop's zone and today there: the new-request form's default and latest date of receipt. */
export async function receiptCalendar(db: Db, shopId: string, now = new Date()) {
  const timeZone = await shopTimeZone(db, shopId);
  return { timeZone, today: toLocalDate(now, timeZone) };
}
