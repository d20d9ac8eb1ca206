// The register of post-mortem directives (LIL art. 84–86; docs/decisions/035): written when a
// directive request is carried out, read when an heir asks, ended only by a revocation or by staff
// carrying it out. No erasure step reaches this table.
import type { PostMortemDirective, RightsRequest } from "@prisma/client";
import type { Db, Tx } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import {
  assertCarriable,
  assertRevocable,
  type DirectiveStatus,
  registerChange,
} from "~/domain/requests/post-mortem-directives";
import type { HeirRequestDetails, PostMortemDirectiveDetails } from "~/domain/requests/request-details";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { recordAudit } from "../audit.server";

type Actor = { type: "staff" | "shopper" | "system"; id: string | null };

export type DirectiveView = {
  id: string;
  status: DirectiveStatus;
  instructions: string | null;
  executor: { name: string; email?: string } | null;
  consentedAt: string | null;
  recordedAt: string;
  revokedAt: string | null;
  carriedOutAt: string | null;
  carriedOutRequestId: string | null;
  requestId: string;
};

function view(row: PostMortemDirective): DirectiveView {
  return {
    id: row.id,
    status: row.status as DirectiveStatus,
    instructions: row.instructions,
    executor: row.executor ? (JSON.parse(row.executor) as DirectiveView["executor"]) : null,
    consentedAt: row.consentedAt?.toISOString() ?? null,
    recordedAt: row.recordedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    carriedOutAt: row.carriedOutAt?.toISOString() ?? null,
    carriedOutRequestId: row.carriedOutRequestId,
    requestId: row.requestId,
  };
}

type Person = { emails: string[]; customerIds: string[] };

/** The person's directive in force, matched on any of their addresses or Shopify customer ids. */
function inForce(tx: Db | Tx, shopId: string, person: Person) {
  const or = [
    ...(person.emails.length > 0 ? [{ email: { in: person.emails } }] : []),
    ...(person.customerIds.length > 0 ? [{ shopifyCustomerId: { in: person.customerIds } }] : []),
  ];
  if (or.length === 0) return Promise.resolve(null);
  return tx.postMortemDirective.findFirst({
    where: { shopId, status: "in_force", OR: or },
    orderBy: { recordedAt: "desc" },
  });
}

/** Who a directive request is from: the requester (identity verified) and their subject's ids. */
async function directivePerson(tx: Tx, request: RightsRequest): Promise<Person> {
  const subject = request.subjectId
    ? await tx.subject.findUnique({
        where: { id: request.subjectId },
        select: { email: true, shopifyCustomerId: true },
      })
    : null;
  const emails = [normaliseEmail(request.requesterEmail), subject?.email ?? null];
  const customerIds = [request.shopifyCustomerId, subject?.shopifyCustomerId ?? null];
  return {
    emails: [...new Set(emails.filter((e): e is string => Boolean(e)))],
    customerIds: [...new Set(customerIds.filter((c): c is string => Boolean(c)))],
  };
}

/** The deceased an heir request is about: the address given, and the Shopify ids of that address. */
async function deceasedPerson(tx: Db | Tx, shopId: string, request: RightsRequest): Promise<Person> {
  const details = JSON.parse(request.details) as Partial<HeirRequestDetails>;
  const email = normaliseEmail(details.deceasedEmail ?? null);
  const subjects = await tx.subject.findMany({
    where: {
      shopId,
      OR: [...(email ? [{ email }] : []), ...(request.subjectId ? [{ id: request.subjectId }] : [])],
    },
    select: { email: true, shopifyCustomerId: true },
  });
  const emails = [email, ...subjects.map((s) => s.email)].filter((e): e is string => Boolean(e));
  const customerIds = subjects.map((s) => s.shopifyCustomerId).filter((c): c is string => Boolean(c));
  return { emails: [...new Set(emails)], customerIds: [...new Set(customerIds)] };
}

/**
 * Carries out a directive request in the register, in the caller's transaction (when staff answer
 * it): records the directive, replaces the one in force, or revokes it. A revoked directive keeps
 * only that it existed and when it ended: its text, executor and whose it was go at once.
 */
export async function applyDirectiveRequest(
  tx: Tx,
  shopId: string,
  actor: Actor,
  request: RightsRequest,
  now: Date,
) {
  const details = JSON.parse(request.details) as PostMortemDirectiveDetails;
  const person = await directivePerson(tx, request);
  const current = await inForce(tx, shopId, person);
  const change = registerChange(details, current !== null);
  const content = (instructions: string) => ({
    instructions,
    executor: details.executor
      ? JSON.stringify({ name: details.executor.name, email: details.executor.email })
      : null,
    consentedAt: request.receivedAt,
    requestId: request.id,
  });
  let directiveId: string | null = current?.id ?? null;
  if (change.kind === "create") {
    const created = await tx.postMortemDirective.create({
      data: {
        shopId,
        email: person.emails[0] ?? null,
        shopifyCustomerId: person.customerIds[0] ?? null,
        recordedAt: now,
        ...content(change.instructions),
      },
      select: { id: true },
    });
    directiveId = created.id;
  } else if (change.kind === "replace" && current) {
    await tx.postMortemDirective.update({
      where: { id: current.id },
      data: { recordedAt: now, ...content(change.instructions) },
    });
  } else if (change.kind === "revoke" && current) {
    await revoke(tx, current.id, "person", now);
  }
  const action = {
    create: "directive.recorded",
    replace: "directive.replaced",
    revoke: "directive.revoked",
    none: "directive.none_to_revoke",
  }[change.kind];
  await recordAudit(tx, {
    shopId,
    actorType: actor.type,
    actorId: actor.id,
    action,
    targetType: "request",
    targetId: request.id,
    data: { directiveId },
  });
  await tx.requestTask.updateMany({
    where: { requestId: request.id, system: "vigie", kind: "record" },
    data: { status: "done", detail: action },
  });
  return change.kind;
}

function revoke(tx: Tx, id: string, by: string, now: Date) {
  return tx.postMortemDirective.update({
    where: { id },
    data: {
      status: "revoked",
      revokedAt: now,
      revokedBy: by,
      email: null,
      shopifyCustomerId: null,
      instructions: null,
      executor: null,
    },
  });
}

/**
 * The directive an heir request must follow: the deceased's directive in force, or the one staff
 * carried out after this request. Null when the deceased left none (LIL art. 85-II then applies).
 */
export async function directiveForHeirRequest(db: Db | Tx, shopId: string, request: RightsRequest) {
  const carried = await db.postMortemDirective.findFirst({
    where: { shopId, carriedOutRequestId: request.id },
  });
  if (carried) return view(carried);
  const current = await inForce(db, shopId, await deceasedPerson(db, shopId, request));
  return current ? view(current) : null;
}

/** The register entry a directive request wrote (or last updated), for its request page. */
export async function directiveOfRequest(db: Db, shopId: string, requestId: string) {
  const row = await db.postMortemDirective.findFirst({ where: { shopId, requestId } });
  return row ? view(row) : null;
}

/** On filing an heir request: records in its timeline that a directive is on record for the deceased. */
export async function noteDirectiveForHeirRequest(tx: Tx, shopId: string, request: RightsRequest) {
  if (request.type !== "heir_request") return;
  const directive = await directiveForHeirRequest(tx, shopId, request);
  if (!directive) return;
  await recordAudit(tx, {
    shopId,
    actorType: "system",
    action: "directive.found",
    targetType: "request",
    targetId: request.id,
    data: { directiveId: directive.id },
  });
}

/** Staff followed the deceased's directive after this heir request: it is carried out, and ends. */
export async function carryOutDirective(
  db: Db,
  shop: { id: string },
  actor: Actor,
  heirRequestId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const request = await tx.rightsRequest.findFirst({ where: { id: heirRequestId, shopId: shop.id } });
    if (request?.type !== "heir_request") throw new AppError("WRONG_REQUEST_TYPE", "Not an heir request");
    const current = await inForce(tx, shop.id, await deceasedPerson(tx, shop.id, request));
    if (!current) throw new AppError("DIRECTIVE_NOT_IN_FORCE", "No directive in force");
    assertCarriable(current.status as DirectiveStatus, JSON.parse(request.details) as HeirRequestDetails);
    await tx.postMortemDirective.update({
      where: { id: current.id },
      data: {
        status: "carried_out",
        carriedOutAt: now,
        carriedOutBy: actor.id,
        carriedOutRequestId: request.id,
      },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "directive.carried_out",
      targetType: "request",
      targetId: request.id,
      data: { directiveId: current.id },
    });
  });
}

/** Staff revoke a directive the person withdrew by other means (a letter): it ends, its contents go. */
export async function revokeDirectiveByStaff(
  db: Db,
  shop: { id: string },
  actor: Actor,
  directiveId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const row = await tx.postMortemDirective.findFirst({ where: { id: directiveId, shopId: shop.id } });
    if (!row) throw new AppError("DIRECTIVE_NOT_IN_FORCE", "No such directive");
    assertRevocable(row.status as DirectiveStatus);
    await revoke(tx, row.id, actor.id ?? "staff", now);
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "directive.revoked",
      targetType: "request",
      targetId: row.requestId,
      data: { directiveId: row.id },
    });
  });
}
