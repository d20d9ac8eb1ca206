// French typography and elision for texts Vigie writes (docs/decisions/054). Pure.

/** The no-break space French puts before « : ; ! ? » and inside « ». One kind, everywhere. */
export const NBSP = "\u00a0";

/**
 * French spacing: a no-break space before « : ; ! ? » (replacing a plain space, or added when
 * there was none) and inside guillemets. Links, times and ratios are left alone: the mark must be
 * followed by a space or end the text, and `://` never is.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/(?<=[^\s;:!?])[ \u00a0\u202f]*([;:!?])(?=\s|$)/g, `${NBSP}$1`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/(?<=\S)[ \u00a0\u202f]*»/g, `${NBSP}»`);
}

// A vowel, or a mute h, starts the next word: French elides "de" to "d'" before it. An aspirated h
// ("Hollister") cannot be told from a mute one by spelling, so h is left as written.
const VOWEL = /^[aeiouyàâäéèêëîïôöûüœæ]/i;

/**
 * "de" or "le" (and "que", "je", "ne") before a name, elided when the name starts with a vowel:
 * elide("de", "iméra") = "d'iméra", elide("de", "Maison Dupont") = "de Maison Dupont".
 */
export function elide(
  word: "de" | "le" | "la" | "que" | "je" | "ne" | "De" | "Le" | "La",
  next: string,
): string {
  return VOWEL.test(next.trim()) ? `${word.slice(0, -1)}'${next}` : `${word} ${next}`;
}

/** Elides every "de X", "le X"… where X was put in place of a {variable}: see `createTranslator`. */
export function elideBefore(textBefore: string, value: string): { before: string; value: string } {
  const match = /(^|[\s(«'’])(de|le|la|que|De|Le|La) $/.exec(textBefore);
  if (!match || !VOWEL.test(value)) return { before: textBefore, value };
  const word = match[2] as Parameters<typeof elide>[0];
  return { before: textBefore.slice(0, textBefore.length - word.length - 1), value: elide(word, value) };
}
