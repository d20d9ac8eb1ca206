import { describe, expect, it } from "vitest";
import {
  BannerColoursSchema,
  BannerTextOverridesSchema,
  contrastProblems,
  contrastRatio,
  DEFAULT_BANNER_COLOURS,
} from "./banner-look";

describe("the banner's colours and their contrast (WCAG 2.2 AA)", () => {
  it("computes the WCAG contrast ratio", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // Order does not matter.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(contrastRatio("#ffffff", "#767676"), 10);
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThan(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("accepts the defaults and refuses each pair below its minimum, with the ratio to show", () => {
    expect(contrastProblems(DEFAULT_BANNER_COLOURS)).toEqual([]);
    const grey = { ...DEFAULT_BANNER_COLOURS, text: "#777777" };
    expect(contrastProblems(grey)).toEqual([{ pair: "text_on_background", ratio: 4.47, minimum: 4.5 }]);
    const pale = { ...DEFAULT_BANNER_COLOURS, button: "#f3f4f6", buttonText: "#ffffff" };
    expect(contrastProblems(pale).map((p) => p.pair)).toEqual([
      "button_text_on_button",
      "button_on_background",
    ]);
    // Large enough for text but a control's edge needs 3:1 only.
    const ok = { background: "#ffffff", text: "#111111", button: "#767676", buttonText: "#ffffff" };
    expect(contrastProblems(ok)).toEqual([]);
  });

  it("takes colours as #rrggbb only and texts within their length", () => {
    expect(BannerColoursSchema.parse({ button: " #1F2937 " }).button).toBe("#1f2937");
    expect(BannerColoursSchema.safeParse({ button: "red" }).success).toBe(false);
    expect(BannerColoursSchema.safeParse({ text: "#fff" }).success).toBe(false);
    expect(BannerTextOverridesSchema.safeParse({ refuseAll: "x".repeat(41) }).success).toBe(false);
    expect(BannerTextOverridesSchema.parse({ title: "  Vos cookies  " }).title).toBe("Vos cookies");
  });
});
