// A bulk operation's result, read as a stream: one JSON object per line (JSONL), nested connection
// nodes on lines of their own that name their parent in `__parentId`. Never held whole in memory:
// a shop's file runs to gigabytes. Ids beyond 2^53 are kept exactly (docs/decisions/033).
import { parseJsonLossless } from "~/webhooks/lossless-json";

export type JsonlLine = {
  /** 1-based line number within the file (counting from the start, whatever `startByte`). */
  line: number;
  value: Record<string, unknown>;
  /** Byte offset just after this line's newline: where a resumed read starts. */
  endByte: number;
};

/** A line that is not a JSON object: the file is damaged, not merely unusual. */
export class JsonlError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`bulk result line ${line}: ${reason}`);
    this.name = "JsonlError";
  }
}

const NEWLINE = 0x0a;

/**
 * Yields each line's object. `startByte`/`startLine` say where the bytes given begin (a ranged
 * download resumed after line `startLine`). Blank lines are skipped; a final line without its
 * newline is still read.
 */
export async function* readJsonl(
  chunks: AsyncIterable<Uint8Array>,
  options: { startByte?: number; startLine?: number } = {},
): AsyncGenerator<JsonlLine> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let offset = options.startByte ?? 0;
  let line = options.startLine ?? 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;

  const parse = (bytes: Uint8Array, length: number): JsonlLine | null => {
    line += 1;
    offset += length;
    const text = decoder.decode(bytes).trim();
    if (text === "") return null;
    let value: unknown;
    try {
      value = parseJsonLossless(text);
    } catch {
      throw new JsonlError(line, "not JSON");
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      throw new JsonlError(line, "not a JSON object");
    }
    return { line, value: value as Record<string, unknown>, endByte: offset };
  };

  const joined = (tail: Uint8Array) => {
    if (pending.length === 0) return tail;
    const out = new Uint8Array(pendingBytes + tail.length);
    let at = 0;
    for (const part of pending) {
      out.set(part, at);
      at += part.length;
    }
    out.set(tail, at);
    pending = [];
    pendingBytes = 0;
    return out;
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
      const bytes = joined(chunk.subarray(start, i + 1));
      const parsed = parse(bytes, bytes.length);
      if (parsed) yield parsed;
      start = i + 1;
    }
    if (start < chunk.length) {
      // Copied: the stream may reuse its buffer for the next chunk.
      const rest = chunk.slice(start);
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) {
    const bytes = joined(new Uint8Array(0));
    const parsed = parse(bytes, bytes.length);
    if (parsed) yield parsed;
  }
}

/** The numeric id of a GID (`gid://shopify/Customer/123` → "123"), exactly, as text; null otherwise. */
export function gidNumber(resource: string, value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(value);
  return match && match[1] === resource ? (match[2] ?? null) : null;
}
