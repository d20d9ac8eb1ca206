// The cookie banner's look as a shop sets it on the Cookies page: colours and position, and the
// contrast every colour pair must keep (WCAG 2.2 AA). Pure and client-safe (the page checks as you type).
import { z } from "zod";

const HEX = /^#[0-9a-f]{6}$/;
const Colour = z.string().trim().toLowerCase().regex(HEX, "a colour is #rrggbb");

export const BANNER_POSITIONS = ["bottom", "center"] as const;
export type BannerPosition = (typeof BANNER_POSITIONS)[number];

/**
 * One style for every first-layer button (Refuse all, Accept all, Choose): the shop picks its
 * colours, never one per button (CNIL 2020-092 §2: refusing as easy and as visible as accepting).
 */
export const BannerColoursSchema = z.object({
  background: Colour.default("#ffffff"),
  text: Colour.default("#111111"),
  button: Colour.default("#1f2937"),
  buttonText: Colour.default("#ffffff"),
});
export type BannerColours = z.output<typeof BannerColoursSchema>;
export const DEFAULT_BANNER_COLOURS: BannerColours = BannerColoursSchema.parse({});

/** Relative luminance of an sRGB colour (WCAG 2.2, definition "relative luminance"). */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export type ContrastPair = "text_on_background" | "button_text_on_button" | "button_on_background";

/**
 * The pairs below WCAG 2.2 AA: text on its background and the buttons' text, 4.5:1 (SC 1.4.3);
 * the buttons against the banner, 3:1 (SC 1.4.11, a control's boundary must be seen).
 */
export function contrastProblems(
  colours: BannerColours,
): { pair: ContrastPair; ratio: number; minimum: number }[] {
  const checks: [ContrastPair, string, string, number][] = [
    ["text_on_background", colours.text, colours.background, 4.5],
    ["button_text_on_button", colours.buttonText, colours.button, 4.5],
    ["button_on_background", colours.button, colours.background, 3],
  ];
  return checks.flatMap(([pair, a, b, minimum]) => {
    const ratio = contrastRatio(a, b);
    // Rounded down to 2 decimals as the WCAG examples are: 4.499 does not pass 4.5.
    return Math.floor(ratio * 100) / 100 < minimum
      ? [{ pair, ratio: Math.floor(ratio * 100) / 100, minimum }]
      : [];
  });
}

/** The first-layer and second-layer texts a shop may reword, per language; empty means the default. */
export const EDITABLE_BANNER_TEXTS = ["title", "intro", "refuseAll", "acceptAll", "choose", "save"] as const;
export type EditableBannerText = (typeof EDITABLE_BANNER_TEXTS)[number];

const MAX_TEXT: Record<EditableBannerText, number> = {
  title: 80,
  intro: 600,
  refuseAll: 40,
  acceptAll: 40,
  choose: 40,
  save: 40,
};

export const BannerTextOverridesSchema = z.object(
  Object.fromEntries(
    EDITABLE_BANNER_TEXTS.map((key) => [key, z.string().trim().max(MAX_TEXT[key]).optional()]),
  ) as Record<EditableBannerText, z.ZodOptional<z.ZodString>>,
);
export type BannerTextOverrides = z.output<typeof BannerTextOverridesSchema>;
