// Uploaded documents (proof of identity, payment check documents): encrypted at rest, shown only
// to staff, deleted as soon as their check ends; only their SHA-256 survives, as proof of what was
// seen (GDPR art. 5(1)(c) and (e); CNIL SAN-2020-008 fined the keeping of ID copies).
import { createHash } from "node:crypto";
import type { Db, Tx } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { openBytes, sealBytes } from "~/utils/secret-box.server";

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Files one upload may carry: enough for a card's two sides, an address and a payment proof. */
export const MAX_DOCUMENTS_PER_UPLOAD = 5;
export const ACCEPTED_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/heic",
] as const;
export type DocumentOwner = { ownerType: "identity_check" | "payment_check"; ownerId: string };

export async function storeDocument(
  tx: Tx,
  key: Buffer,
  input: DocumentOwner & { shopId: string; name: string; mimeType: string; bytes: Buffer },
) {
  if (input.bytes.length === 0) throw new AppError("DOCUMENT_EMPTY");
  if (input.bytes.length > MAX_DOCUMENT_BYTES) throw new AppError("DOCUMENT_TOO_LARGE");
  if (!ACCEPTED_TYPES.includes(input.mimeType as never)) throw new AppError("DOCUMENT_TYPE");
  return tx.document.create({
    data: {
      shopId: input.shopId,
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      name: input.name.replace(/[^\w.\- ]/g, "_").slice(0, 120) || "document",
      mimeType: input.mimeType,
      size: input.bytes.length,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      content: new Uint8Array(sealBytes(key, input.bytes)),
    },
    select: { id: true, sha256: true },
  });
}

/** The documents of a check (without their content). */
export function listDocuments(db: Db | Tx, owner: DocumentOwner) {
  return db.document.findMany({
    where: owner,
    select: { id: true, name: true, mimeType: true, size: true, sha256: true, uploadedAt: true },
    orderBy: { uploadedAt: "asc" },
  });
}

/** One document, decrypted, for staff of its shop. */
export async function readDocument(db: Db, key: Buffer, shopId: string, id: string) {
  const row = await db.document.findFirst({ where: { id, shopId } });
  if (!row) return null;
  return { name: row.name, mimeType: row.mimeType, bytes: openBytes(key, Buffer.from(row.content)) };
}

/** Deletes a check's documents; returns their hashes, which is all that is kept. */
export async function deleteDocuments(tx: Tx, owner: DocumentOwner): Promise<string[]> {
  const rows = await tx.document.findMany({ where: owner, select: { sha256: true } });
  await tx.document.deleteMany({ where: owner });
  return rows.map((r) => r.sha256);
}
