import { describe, expect, it } from "vitest";
import { elide, elideBefore, frenchSpacing } from "./typography";

describe("frenchSpacing", () => {
  it("puts one no-break space before : ; ! ? and inside « », whatever was there", () => {
    expect(frenchSpacing("Motif : refus ; vraiment ! Pourquoi? « Cookies »")).toBe(
      "Motif\u00a0: refus\u00a0; vraiment\u00a0! Pourquoi\u00a0? «\u00a0Cookies\u00a0»",
    );
    expect(frenchSpacing("Reçue le\u00a0: 26 novembre")).toBe("Reçue le\u00a0: 26 novembre");
    expect(frenchSpacing("Fin :")).toBe("Fin\u00a0:");
  });
  it("leaves links, times and ratios alone", () => {
    const text = "Lien\u00a0: https://x.example/a?b=1 à 14:30, ratio 3:2";
    expect(frenchSpacing(text)).toBe(text);
  });
  it("is idempotent", () => {
    const once = frenchSpacing("Quoi ? Oui : « non »");
    expect(frenchSpacing(once)).toBe(once);
  });
});

describe("elide", () => {
  it("elides before a vowel, never before a consonant or an h", () => {
    expect(elide("de", "iméra")).toBe("d'iméra");
    expect(elide("de", "Atelier Olga")).toBe("d'Atelier Olga");
    expect(elide("le", "Écrin")).toBe("l'Écrin");
    expect(elide("de", "Maison Dupont")).toBe("de Maison Dupont");
    expect(elide("de", "Hollister")).toBe("de Hollister");
  });
  it("elides the word before a placed value only when it is de/le/que as a whole word", () => {
    expect(elideBefore("Personnel habilité de ", "iméra")).toEqual({
      before: "Personnel habilité ",
      value: "d'iméra",
    });
    expect(elideBefore("Personnel habilité de ", "Lumen")).toEqual({
      before: "Personnel habilité de ",
      value: "Lumen",
    });
    expect(elideBefore("Monde ", "iméra").before).toBe("Monde ");
    expect(elideBefore("guide ", "iméra").before).toBe("guide ");
  });
});
