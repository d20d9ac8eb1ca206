// Hands a Node request to Remix's fetch-style handler (its body read first, capped) and streams the answer back.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type AppLoadContext,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import { readRawBody } from "./body.server";

export const CLIENT_IP_HEADER = "x-vigie-client-ip";

/** Remix's handler, every loader and action given `context` (the app context). */
export function createRemixHandler(build: ServerBuild, mode: string, context: AppLoadContext) {
  const handle = createRequestHandler(build, mode);
  return async (request: IncomingMessage, response: ServerResponse, origin: string, bodyLimit: number) => {
    const controller = new AbortController();
    response.on("close", () => controller.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || name === CLIENT_IP_HEADER) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    // The shopper's address, for minimised consent proof only (never for access decisions):
    // the first X-Forwarded-For hop when behind a proxy, else the socket's peer.
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    const peer = forwarded || request.socket.remoteAddress;
    if (peer) headers.set(CLIENT_IP_HEADER, peer);
    const method = request.method ?? "GET";
    const init: RequestInit = { method, headers, signal: controller.signal };
    if (method !== "GET" && method !== "HEAD") {
      // Read here, capped (BodyTooLargeError past `bodyLimit`, answered 413 by the server), so no
      // route can buffer more, and an oversized body is refused whether or not the route reads it.
      init.body = new Uint8Array(await readRawBody(request, bodyLimit));
    }
    const answer = await handle(new Request(new URL(request.url ?? "/", origin), init), context);
    response.statusCode = answer.status;
    response.statusMessage = answer.statusText;
    for (const [name, value] of answer.headers) {
      // Headers joins repeated Set-Cookie values: getSetCookie() keeps them apart.
      if (name !== "set-cookie") response.setHeader(name, value);
    }
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) response.setHeader("set-cookie", cookies);
    if (answer.body && method !== "HEAD") {
      await writeReadableStreamToWritable(answer.body, response);
    } else {
      response.end();
    }
  };
}
