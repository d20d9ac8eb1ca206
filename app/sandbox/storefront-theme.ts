// The sandbox storefront's theme, drawn after Shopify's default theme, Dawn (docs/decisions/081):
// its type (a plain sans-serif, system fonts only: nothing is downloaded), spacing, header, product
// grid and footer, so the app blocks are seen where a merchant would see them. Sandbox only.

export type ThemeLocale = "fr" | "en";

/** Dawn's base: 16px type at 1.8 line height, .06rem tracking, text at 75% black, 120rem pages. */
export const THEME_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:Assistant,-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
font-size:1rem;line-height:1.8;letter-spacing:.0375rem;color:rgba(18,18,18,.75);background:#fff;
display:flex;flex-direction:column;min-height:100vh}
h1,h2,h3{font-weight:400;letter-spacing:.0375rem;line-height:1.3;color:rgb(18,18,18);margin:0 0 1rem}
h1{font-size:2.5rem}h2{font-size:1.5rem}h3{font-size:1rem}
a{color:rgb(18,18,18);text-underline-offset:.2rem}
.theme-width{max-width:75rem;margin:0 auto;padding:0 3rem}
@media (max-width:749px){.theme-width{padding:0 1rem}h1{font-size:1.9rem}}
.theme-announcement{border-bottom:1px solid rgba(18,18,18,.08);text-align:center;font-size:.8rem;letter-spacing:.0625rem;padding:.6rem 1rem;color:rgb(18,18,18)}
.theme-header{border-bottom:1px solid rgba(18,18,18,.08)}
.theme-header__inner{display:grid;grid-template-columns:1fr auto 1fr;align-items:center;gap:1rem;padding-top:1.25rem;padding-bottom:1.25rem}
.theme-header__logo{font-size:1.5rem;letter-spacing:.1rem;color:rgb(18,18,18);text-decoration:none}
.theme-header__menu{display:flex;gap:1.5rem;margin:0;padding:0;list-style:none;font-size:.875rem}
.theme-header__menu a,.theme-header__tools a{color:rgba(18,18,18,.75);text-decoration:none}
.theme-header__menu a:hover,.theme-header__tools a:hover{color:rgb(18,18,18);text-decoration:underline}
.theme-header__tools{justify-self:end;display:flex;gap:1rem;font-size:.875rem}
@media (max-width:749px){.theme-header__inner{grid-template-columns:1fr;justify-items:center}.theme-header__tools{justify-self:center}}
main{flex:1}
.theme-hero{background:rgb(243,243,243);padding:4rem 0;text-align:center}
.theme-hero p{margin:0 auto;max-width:36rem}
.theme-section{padding:2.25rem 0}
.theme-grid{display:grid;grid-template-columns:repeat(4,1fr);gap:.5rem;list-style:none;margin:0;padding:0}
@media (max-width:989px){.theme-grid{grid-template-columns:repeat(2,1fr)}}
.theme-card__media{aspect-ratio:1;display:flex;align-items:center;justify-content:center;background:rgba(18,18,18,.04)}
.theme-card__media svg{width:45%;height:45%}
.theme-card__info{padding:.8rem 0 1.5rem}
.theme-card__title{font-size:.9375rem;margin:0 0 .3rem;color:rgb(18,18,18)}
.theme-card__price{font-size:1rem;letter-spacing:.0625rem;margin:0}
.theme-footer{border-top:1px solid rgba(18,18,18,.08);margin-top:3rem;padding:2.25rem 0 1.5rem;font-size:.875rem}
.theme-footer__blocks{display:flex;flex-wrap:wrap;gap:3rem}
.theme-footer h2{font-size:1.125rem;margin-bottom:.75rem}
.theme-footer ul{list-style:none;margin:0;padding:0}
.theme-footer ul a{color:rgba(18,18,18,.75);text-decoration:none}
.theme-footer ul a:hover{text-decoration:underline}
.theme-footer__copyright{margin-top:2rem;font-size:.75rem}
`;

const WORDS = {
  fr: {
    announcement: "Boutique de démonstration : aucune commande n'est réelle",
    menu: "Menu principal",
    home: "Accueil",
    catalogue: "Catalogue",
    privacy: "Vos données",
    heroTitle: "Objets du quotidien, faits à la main",
    heroText: "Bougies, verrerie et linge de maison, fabriqués en petites séries en France.",
    featured: "Nos best-sellers",
    footerShop: "Boutique",
    footerHelp: "Informations",
    thankYou: "Page de remerciement (commande de démonstration)",
    poweredBy: "Propulsé par Shopify",
  },
  en: {
    announcement: "Demo store: no order here is real",
    menu: "Main menu",
    home: "Home",
    catalogue: "Catalogue",
    privacy: "Your data",
    heroTitle: "Everyday objects, made by hand",
    heroText: "Candles, glassware and household linen, made in small batches in France.",
    featured: "Best sellers",
    footerShop: "Shop",
    footerHelp: "Information",
    thankYou: "Thank-you page (demo order)",
    poweredBy: "Powered by Shopify",
  },
} as const;

/** The demo shop's products (the orders of the simulated Shopify buy them), each with a small drawing. */
const PRODUCTS: { fr: string; en: string; price: number; tint: string; shape: string }[] = [
  {
    fr: "Bougie parfumée Figuier",
    en: "Fig scented candle",
    price: 34,
    tint: "#e9e2d6",
    shape:
      '<rect x="30" y="40" width="40" height="45" rx="4"/><path d="M50 20c6 8 6 14 0 18c-6-4-6-10 0-18z"/>',
  },
  {
    fr: "Carafe en verre soufflé",
    en: "Hand-blown glass carafe",
    price: 58,
    tint: "#dde8e6",
    shape: '<path d="M42 15h16v20c14 8 18 22 14 40c-2 8-8 10-22 10s-20-2-22-10c-4-18 0-32 14-40z"/>',
  },
  {
    fr: "Savon au lait d'ânesse",
    en: "Donkey milk soap",
    price: 9.5,
    tint: "#efe9e0",
    shape: '<rect x="20" y="38" width="60" height="30" rx="12"/>',
  },
  {
    fr: "Plaid en lin lavé",
    en: "Washed linen throw",
    price: 89,
    tint: "#e4e0ea",
    shape: '<path d="M20 30h60v40H20z"/><path d="M20 70l10 10h60l-10-10z" opacity=".6"/>',
  },
];

function price(locale: ThemeLocale, amount: number) {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    style: "currency",
    currency: "EUR",
  }).format(amount);
}

/** The announcement bar and header: the shop's name, its menu, then language and account links. */
export function themeHeader(locale: ThemeLocale, prefix: string, tools: string) {
  const w = WORDS[locale];
  const home = `${prefix}?locale=${locale}`;
  return `<div class="theme-announcement">${w.announcement}</div>
<header class="theme-header"><div class="theme-width theme-header__inner">
<a class="theme-header__logo" href="${home}">iméra</a>
<nav aria-label="${w.menu}"><ul class="theme-header__menu">
<li><a href="${home}">${w.home}</a></li>
<li><a href="${home}#catalogue">${w.catalogue}</a></li>
<li><a href="${home}#privacy-centre">${w.privacy}</a></li>
</ul></nav>
<div class="theme-header__tools">${tools}</div>
</div></header>`;
}

/** The home page around the privacy-centre block: a hero, the featured collection, then the block. */
export function themeHome(locale: ThemeLocale, block: string) {
  const w = WORDS[locale];
  const cards = PRODUCTS.map(
    (p) => `<li><div class="theme-card__media" style="background:${p.tint}">
<svg viewBox="0 0 100 100" fill="rgba(18,18,18,.55)" aria-hidden="true">${p.shape}</svg></div>
<div class="theme-card__info"><h3 class="theme-card__title">${p[locale]}</h3>
<p class="theme-card__price">${price(locale, p.price)}</p></div></li>`,
  ).join("\n");
  return `<section class="theme-hero"><div class="theme-width"><h1>${w.heroTitle}</h1><p>${w.heroText}</p></div></section>
<section class="theme-section" id="catalogue" aria-labelledby="catalogue-title"><div class="theme-width">
<h2 id="catalogue-title">${w.featured}</h2><ul class="theme-grid">${cards}</ul></div></section>
<section class="theme-section" id="privacy-centre"><div class="theme-width">${block}</div></section>`;
}

/** Dawn's footer: two blocks of links and the copyright line. */
export function themeFooter(locale: ThemeLocale, prefix: string) {
  const w = WORDS[locale];
  const home = `${prefix}?locale=${locale}`;
  return `<footer class="theme-footer"><div class="theme-width">
<div class="theme-footer__blocks">
<div><h2>${w.footerShop}</h2><ul><li><a href="${home}">${w.home}</a></li><li><a href="${home}#catalogue">${w.catalogue}</a></li></ul></div>
<div><h2>${w.footerHelp}</h2><ul><li><a href="${home}#privacy-centre">${w.privacy}</a></li><li><a href="${prefix}/thank-you?locale=${locale}">${w.thankYou}</a></li></ul></div>
</div>
<p class="theme-footer__copyright">© ${new Date().getFullYear()}, iméra · ${w.poweredBy}</p>
</div></footer>`;
}
