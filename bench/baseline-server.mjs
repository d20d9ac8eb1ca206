// The yardstick for the webhook intake: a bare node:http server doing the same HMAC check and
// one better-sqlite3 insert per request, with nothing else. Run by bench/webhook-intake.bench.mjs.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";

const [file, secret, port] = process.argv.slice(2);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.exec("CREATE TABLE IF NOT EXISTS receipts (id TEXT PRIMARY KEY, webhook_id TEXT UNIQUE, body TEXT)");
const insert = db.prepare("INSERT INTO receipts VALUES (?, ?, ?) ON CONFLICT (webhook_id) DO NOTHING");

createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const expected = createHmac("sha256", secret).update(body).digest();
    const given = Buffer.from(String(request.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.writeHead(401).end();
      return;
    }
    insert.run(randomUUID(), String(request.headers["x-shopify-webhook-id"]), body.toString("utf8"));
    response.writeHead(200).end("OK");
  });
}).listen(Number(port), "127.0.0.1", () => process.stdout.write("listening\n"));
