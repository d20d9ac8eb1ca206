// Receiving the documents a check asked for: only while the check is open, encrypted at once.
import type { Db } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { recordAudit } from "../audit.server";
import { type DocumentOwner, MAX_DOCUMENTS_PER_UPLOAD, storeDocument } from "../documents.server";

export type UploadTarget = DocumentOwner & {
  open: boolean;
  documents: string[];
  auditTarget: { type: string; id: string };
};

/** What a documents link points at, if it is this shop's and still waiting for documents. */
export async function uploadTarget(
  db: Db,
  shopId: string,
  owner: DocumentOwner,
): Promise<UploadTarget | null> {
  if (owner.ownerType === "payment_check") {
    const check = await db.paymentCheck.findFirst({ where: { id: owner.ownerId, shopId } });
    if (!check) return null;
    return {
      ...owner,
      open:
        check.status === "documents_requested" ||
        check.status === "documents_received" ||
        check.status === "open",
      documents: JSON.parse(check.requestedDocuments) as string[],
      auditTarget: { type: "payment_check", id: check.id },
    };
  }
  const check = await db.identityCheck.findFirst({
    where: { id: owner.ownerId, method: "document", request: { shopId } },
  });
  if (!check) return null;
  return {
    ...owner,
    open: check.status === "pending",
    documents: ["identity"],
    auditTarget: { type: "request", id: check.requestId },
  };
}

export async function receiveDocuments(
  db: Db,
  key: Buffer,
  shopId: string,
  target: UploadTarget,
  files: File[],
) {
  if (files.length > MAX_DOCUMENTS_PER_UPLOAD)
    throw new AppError("DOCUMENT_TOO_MANY", `${files.length} files`);
  await db.$transaction(async (tx) => {
    for (const file of files) {
      await storeDocument(tx, key, {
        shopId,
        ownerType: target.ownerType,
        ownerId: target.ownerId,
        name: file.name,
        mimeType: file.type,
        bytes: Buffer.from(await file.arrayBuffer()),
      });
    }
    if (target.ownerType === "payment_check") {
      await tx.paymentCheck.update({ where: { id: target.ownerId }, data: { status: "documents_received" } });
    }
    await recordAudit(tx, {
      shopId,
      actorType: "shopper",
      action: "documents.received",
      targetType: target.auditTarget.type,
      targetId: target.auditTarget.id,
      data: { files: files.length },
    });
  });
}
