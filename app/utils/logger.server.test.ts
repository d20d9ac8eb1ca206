import { afterEach, describe, expect, it } from "vitest";
import { createLogger, pii } from "./logger.server";

/** A logger writing into an array of parsed JSON lines. */
function captured(level: "debug" | "info" | "warn" | "error" = "info") {
  const raw: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void raw.push(line) } });
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, raw, lines };
}

afterEach(() => {
  delete process.env.VIGIE_LOG_PII;
});

describe("logger", () => {
  it("writes one JSON line per record: level, ISO time, module, message and the fields", () => {
    const { log, raw, lines } = captured();
    log
      .child("worker")
      .child("export")
      .info("job done", { jobId: "job_1", attempt: 2, at: new Date(0) });
    expect(raw).toHaveLength(1);
    expect(raw[0]?.endsWith("\n")).toBe(true);
    expect(raw[0]).toContain('"message":"job done"');
    expect(lines()[0]).toEqual({
      level: "info",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      module: "vigie.worker.export",
      jobId: "job_1",
      attempt: 2,
      at: "1970-01-01T00:00:00.000Z",
      message: "job done",
    });
  });

  it("drops lines below its level, and a level changed later applies to children made before", () => {
    const { log, lines } = captured("warn");
    const child = log.child("intake");
    child.info("hidden");
    child.warn("shown");
    log.setLevel("debug");
    child.debug("now shown");
    expect(lines().map((line) => [line.level, line.message])).toEqual([
      ["warn", "shown"],
      ["debug", "now shown"],
    ]);
  });

  it("flattens errors and writes bigints as text", () => {
    const { log, lines } = captured();
    log.error("job failed", { error: new TypeError("boom"), seq: 12n });
    const line = lines()[0];
    expect(line?.error).toMatchObject({
      name: "TypeError",
      message: "boom",
      stack: expect.stringContaining("boom"),
    });
    expect(line?.seq).toBe("12");
  });

  it("redacts an e-mail address: in fields named like personal data, in any string, in the message", () => {
    const { log, raw, lines } = captured();
    log.info("mail sent to camille.martin@example.fr", {
      email: "camille.martin@example.fr",
      phone: "+33600000001",
      subject: { email: "camille.martin@example.fr", firstName: "Camille", id: "subj_1" },
      note: "reply to dpo@imera.example please",
      error: new Error("No such customer: camille.martin@example.fr"),
    });
    expect(raw.join("")).not.toContain("camille.martin@example.fr");
    expect(raw.join("")).not.toContain("+33600000001");
    expect(raw.join("")).not.toContain("Camille");
    expect(lines()[0]).toMatchObject({
      message: "mail sent to MASKED",
      email: "MASKED",
      phone: "MASKED",
      subject: { email: "MASKED", firstName: "MASKED", id: "subj_1" },
      note: "reply to MASKED please",
      error: { message: "No such customer: MASKED" },
    });
  });

  it("prints a value wrapped in pii() as MASKED, unless VIGIE_LOG_PII=1", () => {
    const { log, lines } = captured();
    log.info("lookup", { customerName: pii("Camille Martin") });
    process.env.VIGIE_LOG_PII = "1";
    log.info("lookup", { customerName: pii("Camille Martin") });
    expect(lines().map((line) => line.customerName)).toEqual(["MASKED", "Camille Martin"]);
  });
});
