// A refused action, as staff meet it through the built server: its status comes from the refusal's
// code (app/domain/errors.ts) and the page says why in the staff's language, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";

describe("refused actions in the admin", () => {
  let server: RunningServer;
  let requestPath: string;

  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });

  beforeAll(async () => {
    server = await startServer();
    const filed = await post("/app/requests/new", {
      type: "access",
      email: "refused.actions@example.fr",
      name: "Refused Actions",
      message: "",
      receivedOn: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      requesterLocale: "fr",
    });
    expect(filed.status).toBe(302);
    requestPath = new URL(filed.headers.get("location") ?? "", server.baseUrl).pathname;
  });
  afterAll(async () => {
    await server.stop();
  });

  it("answers a refusal without written reasons with 400 and says why, in French and in English", async () => {
    const fr = await post(`${requestPath}?locale=fr`, {
      intent: "refuse",
      ground: "manifestly_unfounded",
      explanation: " ",
    });
    expect(fr.status).toBe(400);
    expect(await fr.text()).toContain("Un refus doit être motivé par écrit.");
    const en = await post(`${requestPath}?locale=en`, {
      intent: "refuse",
      ground: "manifestly_unfounded",
      explanation: "",
    });
    expect(en.status).toBe(400);
    expect(await en.text()).toContain("A refusal needs a written explanation.");
  });

  it("answers an action the request's state does not allow with 409", async () => {
    const response = await post(`${requestPath}?locale=en`, { intent: "approve_erasure" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Nothing to do: the erasure is not in a state that allows it.");
  });

  it("answers a request of no request with 404, not 500", async () => {
    const response = await post("/app/requests/does-not-exist?locale=en", { intent: "verify" });
    expect(response.status).toBe(404);
  });
});
