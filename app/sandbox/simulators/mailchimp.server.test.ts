import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type MailchimpSimulator, startMailchimpSimulator } from "./mailchimp.server";
import { simHash } from "./mailchimp-store";

const sims: MailchimpSimulator[] = [];
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function start(options: Parameters<typeof startMailchimpSimulator>[0] = {}) {
  const sim = await startMailchimpSimulator(options);
  sims.push(sim);
  const auth = `Basic ${Buffer.from(`anystring:${sim.apiKey}`).toString("base64")}`;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sim.basePath}${path}`, {
      method,
      headers: { authorization: auth, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { sim, call, members: `/lists/${sim.audienceId}/members` };
}

const EMAIL = "emma.thomas@example.com";

type Received = { headers: http.IncomingHttpHeaders; body: string; url: string };

/** A stand-in for Vigie's POST /webhooks/mailchimp/<secret>. */
async function webhookReceiver() {
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body, url: req.url ?? "" });
      res.end("ok");
    });
  });
  servers.push(receiver);
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = (receiver.address() as AddressInfo).port;
  const form = (i: number) => new URLSearchParams(received[i]?.body);
  return { received, form, url: `http://127.0.0.1:${port}/webhooks/mailchimp/s3cret` };
}

describe("startMailchimpSimulator", () => {
  it("answers 401 problem+json without an API key, and for a wrong one", async () => {
    const { sim } = await start();
    const missing = await fetch(`${sim.basePath}/ping`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await missing.json()).toMatchObject({
      title: "API Key Missing",
      status: 401,
      type: expect.any(String),
    });
    const wrong = await fetch(`${sim.basePath}/ping`, {
      headers: { authorization: `Basic ${Buffer.from("x:nope-us21").toString("base64")}` },
    });
    expect(await wrong.json()).toMatchObject({
      title: "API Key Invalid",
      status: 401,
      instance: expect.any(String),
    });
  });

  it("answers 404 Resource Not Found for an unknown member or audience", async () => {
    const { call, members } = await start();
    const member = await call("GET", `${members}/${simHash("nobody@example.com")}`);
    expect(member.status).toBe(404);
    expect(await member.json()).toMatchObject({ title: "Resource Not Found", detail: expect.any(String) });
    expect((await call("GET", "/lists/ffffffffff")).status).toBe(404);
  });

  it("accepts a raw address where Mailchimp does, and only the hash on hash-only endpoints", async () => {
    const { call, members } = await start({
      members: [{ email: EMAIL, status: "subscribed", tags: ["vip"] }],
    });
    const byEmail = await call("GET", `${members}/${encodeURIComponent(EMAIL)}`);
    expect(await byEmail.json()).toMatchObject({ id: simHash(EMAIL), status: "subscribed" });
    expect((await call("GET", `${members}/${encodeURIComponent(EMAIL)}/tags`)).status).toBe(404);
    const tags = await call("GET", `${members}/${simHash(EMAIL)}/tags`);
    expect(await tags.json()).toMatchObject({ tags: [{ name: "vip" }], total_items: 1 });
  });

  it("keeps a self-unsubscribed member out of subscribed (compliance state) but takes pending", async () => {
    const { sim, call, members } = await start({ members: [{ email: EMAIL, status: "unsubscribed" }] });
    const path = `${members}/${simHash(EMAIL)}`;
    const refused = await call("PUT", path, {
      email_address: EMAIL,
      status_if_new: "subscribed",
      status: "subscribed",
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ title: "Member In Compliance State" });
    const pending = await call("PUT", path, {
      email_address: EMAIL,
      status_if_new: "pending",
      status: "pending",
    });
    expect(await pending.json()).toMatchObject({ status: "pending" });
    sim.state.confirm(EMAIL);
    expect(sim.state.member(EMAIL)?.status).toBe("subscribed");
  });

  it("forgets a permanently deleted address and refuses to re-import it", async () => {
    const { sim, call, members } = await start({ members: [{ email: EMAIL, status: "subscribed" }] });
    const path = `${members}/${simHash(EMAIL)}`;
    expect((await call("POST", `${path}/actions/delete-permanent`)).status).toBe(204);
    expect((await call("GET", path)).status).toBe(404);
    const again = await call("PUT", path, { email_address: EMAIL, status_if_new: "pending" });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ title: "Forgotten Email Not Subscribed" });
    expect(sim.state.isForgotten(EMAIL)).toBe(true);
  });

  it("archives on DELETE, and answers 405 for a contact Mailchimp will not remove", async () => {
    const { sim, call, members } = await start({
      members: [
        { email: EMAIL, status: "subscribed" },
        { email: "stuck@example.com", status: "subscribed", undeletable: true },
      ],
    });
    expect((await call("DELETE", `${members}/${simHash(EMAIL)}`)).status).toBe(204);
    expect(sim.state.member(EMAIL)?.status).toBe("archived");
    const stuck = await call("DELETE", `${members}/${simHash("stuck@example.com")}`);
    expect(stuck.status).toBe(405);
    expect(await stuck.json()).toMatchObject({ title: "Method Not Allowed" });
  });

  it("requires status_if_new and a matching address to create a member", async () => {
    const { call, members } = await start();
    const noStatus = await call("PUT", `${members}/${simHash(EMAIL)}`, { email_address: EMAIL });
    expect(await noStatus.json()).toMatchObject({
      title: "Invalid Resource",
      errors: [{ field: "status_if_new" }],
    });
    const mismatch = await call("PUT", `${members}/${simHash("other@example.com")}`, {
      email_address: EMAIL,
      status_if_new: "subscribed",
    });
    expect(await mismatch.json()).toMatchObject({ errors: [{ field: "email_address" }] });
  });

  it("pages sub-collections with count and offset, reporting total_items", async () => {
    const events = Array.from({ length: 25 }, (_, i) => ({ name: `e${i}` }));
    const { call, members } = await start({ members: [{ email: EMAIL, status: "subscribed", events }] });
    const page = await call("GET", `${members}/${simHash(EMAIL)}/events?count=10&offset=20`);
    const body = (await page.json()) as { events: { name: string }[]; total_items: number };
    expect(body.events.map((e) => e.name)).toEqual(["e20", "e21", "e22", "e23", "e24"]);
    expect(body.total_items).toBe(25);
  });

  it("returns only the requested fields", async () => {
    const { call, sim } = await start({ gdpr: true });
    const list = await call("GET", `/lists/${sim.audienceId}?fields=id,marketing_permissions`);
    expect(await list.json()).toEqual({ id: sim.audienceId, marketing_permissions: true });
  });

  it("answers 429 Too Many Requests beyond 10 simultaneous requests of one key", async () => {
    const { sim, call } = await start({ latencyMs: 150 });
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => call("GET", "/ping").then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(sim.stats.throttled).toBe(2);
    expect(sim.stats.maxConcurrent).toBeGreaterThan(10);
  });

  it("serves injected faults to the next requests, then recovers", async () => {
    const { sim, call } = await start();
    sim.faults.next(503, 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call("GET", "/ping")).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it("unsubscribes on the shopper's behalf and posts Mailchimp's form-encoded webhook", async () => {
    const { received, url } = await webhookReceiver();
    const { sim, call, members } = await start({
      now: () => new Date("2026-11-26T14:30:05Z"),
      members: [{ email: EMAIL, status: "subscribed" }],
    });

    const result = await sim.simulateUnsubscribe(EMAIL, { webhookUrl: url });
    expect(result).toEqual({ webhookStatus: 200 });
    expect(received).toHaveLength(1);
    const hook = received[0];
    expect(hook?.url).toBe("/webhooks/mailchimp/s3cret");
    expect(hook?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(hook?.body);
    expect(form.get("type")).toBe("unsubscribe");
    expect(form.get("fired_at")).toBe("2026-11-26 14:30:05");
    expect(form.get("data[email]")).toBe(EMAIL);
    expect(form.get("data[list_id]")).toBe(sim.audienceId);
    expect(form.get("data[action]")).toBe("unsub");
    expect(form.get("data[reason]")).toBe("manual");
    expect(form.get("data[merges][FNAME]")).toBe("Emma");
    // Unsubscribed through Mailchimp: the compliance state blocks an API re-subscribe.
    expect(sim.state.member(EMAIL)?.status).toBe("unsubscribed");
    const put = await call("PUT", `${members}/${simHash(EMAIL)}`, {
      email_address: EMAIL,
      status: "subscribed",
    });
    expect(put.status).toBe(400);
  });

  it("cleans a hard-bouncing address, posts a cleaned webhook, and holds it in compliance state", async () => {
    const { received, form, url } = await webhookReceiver();
    const { sim, call, members } = await start({ members: [{ email: EMAIL, status: "subscribed" }] });
    await expect(sim.simulateCleaned(EMAIL, { webhookUrl: url })).resolves.toEqual({ webhookStatus: 200 });
    expect(received).toHaveLength(1);
    expect(form(0).get("type")).toBe("cleaned");
    expect(form(0).get("data[reason]")).toBe("hard");
    expect(form(0).get("data[email]")).toBe(EMAIL);
    expect(sim.state.member(EMAIL)?.status).toBe("cleaned");
    const put = await call("PUT", `${members}/${simHash(EMAIL)}`, {
      email_address: EMAIL,
      status: "subscribed",
    });
    expect(await put.json()).toMatchObject({ title: "Member In Compliance State" });
  });

  it("takes a forgotten address back through the hosted signup form and posts a subscribe webhook", async () => {
    const { form, url } = await webhookReceiver();
    const { sim, call, members } = await start({
      gdpr: true,
      members: [{ email: EMAIL, status: "subscribed" }],
    });
    expect((await call("POST", `${members}/${simHash(EMAIL)}/actions/delete-permanent`)).status).toBe(204);
    await expect(
      sim.simulateSignup(EMAIL, { webhookUrl: url, mergeFields: { FNAME: "Emma" } }),
    ).resolves.toEqual({
      webhookStatus: 200,
    });
    expect(form(0).get("type")).toBe("subscribe");
    expect(form(0).get("data[merges][FNAME]")).toBe("Emma");
    expect(sim.state.isForgotten(EMAIL)).toBe(false);
    expect(sim.state.member(EMAIL)).toMatchObject({ status: "subscribed", source: "Hosted Signup Form" });
    expect(Object.values(sim.state.member(EMAIL)?.permissions ?? {})).toEqual([true, true, true]);
  });

  it("changes the audience without posting when no webhook URL is given", async () => {
    const { sim } = await start({ members: [{ email: EMAIL, status: "subscribed" }] });
    await expect(sim.simulateUnsubscribe(EMAIL)).resolves.toEqual({});
    expect(sim.state.member(EMAIL)?.status).toBe("unsubscribed");
  });
});
