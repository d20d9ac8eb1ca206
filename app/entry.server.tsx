import { PassThrough } from "node:stream";
import { type AppLoadContext, createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

const STREAM_TIMEOUT_MS = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  { shopify }: AppLoadContext,
) {
  if (!shopify) {
    // The sandbox is never embedded: refuse framing outright.
    responseHeaders.set("Content-Security-Policy", "frame-ancestors 'none'");
  } else {
    // CSP frame-ancestors for the Shopify admin (clickjacking protection for embedded apps).
    shopify.addDocumentResponseHeaders(request, responseHeaders);
  }
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [waitForAll ? "onAllReady" : "onShellReady"]() {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: failed ? 500 : responseStatusCode,
          }),
        );
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError() {
        failed = true;
      },
    });
    setTimeout(abort, STREAM_TIMEOUT_MS + 1000);
  });
}
