// Hands a Node request to Remix's fetch-style handler and streams the answer back.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";

export const CLIENT_IP_HEADER = "x-vigie-client-ip";

export function createRemixHandler(build: ServerBuild, mode: string) {
  const handle = createRequestHandler(build, mode);
  return async (request: IncomingMessage, response: ServerResponse, origin: string) => {
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
    const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
    if (method !== "GET" && method !== "HEAD") {
      init.body = createReadableStreamFromReadable(request);
      init.duplex = "half";
    }
    const answer = await handle(new Request(new URL(request.url ?? "/", origin), init));
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
