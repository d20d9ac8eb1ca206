import type { IncomingMessage } from "node:http";

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Reads a request body as raw bytes, refusing it (without buffering the rest) as soon as it
 * passes `limit`: a declared Content-Length over the limit is refused before reading anything.
 */
export async function readRawBody(request: IncomingMessage, limit = MAX_WEBHOOK_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}
