import type { ServerResponse } from "node:http";

/** Ends a plain-text response; `close` drops the connection (an unread oversized body). */
export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
  close = false,
) {
  response.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...(close ? { connection: "close" } : {}),
    ...headers,
  });
  response.end(text);
}
