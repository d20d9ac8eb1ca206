// The yardstick for the webhook intake: a bare node:http server doing the same HMAC check and one
// insert per request, with nothing else. `file` is a SQLite file (better-sqlite3, WAL) or a
// postgres:// URL (a pg Pool of 10, as Vigie's intake has; one INSERT per request). Run by
// bench/webhook-intake.bench.mjs and bench/cookie-banner.bench.mjs.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";
import pg from "pg";

const [file, secret, port] = process.argv.slice(2);
const TABLE = "CREATE TABLE IF NOT EXISTS receipts (id TEXT PRIMARY KEY, webhook_id TEXT UNIQUE, body TEXT)";

async function inserter() {
  if (/^postgres(ql)?:/.test(file)) {
    const pool = new pg.Pool({ connectionString: file, max: 10 });
    await pool.query(TABLE);
    return (id, webhookId, body) =>
      pool.query({
        name: "insert",
        text: "INSERT INTO receipts VALUES ($1, $2, $3) ON CONFLICT (webhook_id) DO NOTHING",
        values: [id, webhookId, body],
      });
  }
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec(TABLE);
  const insert = db.prepare("INSERT INTO receipts VALUES (?, ?, ?) ON CONFLICT (webhook_id) DO NOTHING");
  return async (id, webhookId, body) => insert.run(id, webhookId, body);
}
const insert = await inserter();

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
    insert(randomUUID(), String(request.headers["x-shopify-webhook-id"]), body.toString("utf8")).then(
      () => response.writeHead(200).end("OK"),
      () => response.writeHead(500).end(),
    );
  });
}).listen(Number(port), "127.0.0.1", () => process.stdout.write("listening\n"));
