/**
 * Pieces of text and bytes as one buffer. Text is joined before it is encoded: one conversion per
 * batch instead of one per piece (a record's JSON, a CSV row) on the hot paths of an export.
 */
export function concatPieces(pieces: readonly (string | Buffer)[]): Buffer {
  if (pieces.length === 1 && Buffer.isBuffer(pieces[0])) return pieces[0];
  if (pieces.every((piece) => typeof piece === "string")) return Buffer.from(pieces.join(""), "utf8");
  return Buffer.concat(
    pieces.map((piece) => (typeof piece === "string" ? Buffer.from(piece, "utf8") : piece)),
  );
}
