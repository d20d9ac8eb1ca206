import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("grows exponentially: e^attempt seconds without jitter", () => {
    const middle = () => 0.5; // jitter factor exactly 1
    expect(retryDelayMs(1, middle)).toBe(Math.round(Math.E * 1000));
    expect(retryDelayMs(3, middle)).toBe(Math.round(Math.exp(3) * 1000));
  });

  it("stops growing after the tenth attempt (about 6 hours)", () => {
    const middle = () => 0.5;
    expect(retryDelayMs(15, middle)).toBe(retryDelayMs(10, middle));
    expect(retryDelayMs(10, middle)).toBe(Math.round(Math.exp(10) * 1000));
  });

  it("spreads retries by ±25% so jobs that failed together do not return together", () => {
    expect(retryDelayMs(2, () => 0)).toBe(Math.round(Math.exp(2) * 750));
    expect(retryDelayMs(2, () => 0.999999)).toBeLessThan(Math.exp(2) * 1250);
    expect(retryDelayMs(2, () => 0.999999)).toBeGreaterThan(Math.exp(2) * 1249);
  });
});
