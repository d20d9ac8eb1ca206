// Serves public/ (the browser build under /build/ is content-hashed: cached for a year).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export function createStaticHandler(publicDir: string) {
  const root = path.resolve(publicDir);
  return async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<boolean> => {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const file = path.resolve(root, `.${decoded}`);
    if (!file.startsWith(`${root}${path.sep}`)) return false;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return false;
    response.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "content-length": info.size,
      "cache-control": decoded.startsWith("/build/")
        ? "public, max-age=31536000, immutable"
        : "public, max-age=3600",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
    return true;
  };
}
