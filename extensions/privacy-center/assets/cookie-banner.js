// Vigie cookie banner (docs/decisions/043, 082), no framework: Shopify's Customer Privacy API decides
// where it shows; each choice goes to setTrackingConsent and to Vigie as proof. Closing is not consent.
// Shopify refuses an app block script over 10 000 bytes: keep comments short.
(() => {
  const root = document.getElementById("vigie-cookie-banner");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";
  const d = root.dataset;
  const KEYS = ["analytics", "marketing", "preferences", "sale_of_data"];
  const STORE = "vigie_tracking_choice";
  const gpc = navigator.globalPrivacyControl === true;
  const endpoint = `${d.proxy}/consent`;
  let stored = null;
  try {
    stored = JSON.parse(localStorage.getItem(STORE) || "null");
  } catch (_) {}
  const visitorId = stored?.visitorId || crypto.randomUUID();
  // The Cookies page's live preview (docs/decisions/063): the same banner, its config given, nothing sent.
  const preview = window.vigieBannerPreview;
  let config = null;
  let api = null;
  let opener = null;
  let defaulted = false;

  const gtag = (...args) => {
    window.dataLayer = window.dataLayer || [];
    window.dataLayer.push(args);
  };
  // On in the theme editor or on Vigie's Cookies page; the default (denied) goes first, once.
  const consentMode = (consent) => {
    if (!(d.consentMode || config?.consentMode) || (!consent && defaulted) || preview) return;
    defaulted = true;
    gtag("consent", consent ? "update" : "default", {
      ad_storage: consent?.marketing ? "granted" : "denied",
      ad_user_data: consent?.marketing ? "granted" : "denied",
      ad_personalization: consent?.marketing ? "granted" : "denied",
      analytics_storage: consent?.analytics ? "granted" : "denied",
      ...(consent ? {} : { wait_for_update: 500 }),
    });
  };
  consentMode(null);

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v !== false && v != null) node.setAttribute(k, v === true ? "" : v);
    }
    node.append(...children.filter((c) => c != null));
    return node;
  };

  function post(action, consent) {
    if (preview) return Promise.resolve();
    const body = { visitorId, version: config.version, locale: config.locale, gpc, action, consent };
    const region = api.getRegion?.();
    if (/^[A-Z]{2}[A-Z0-9]{0,3}$/.test(region || "")) body.region = region;
    return fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then((answer) => {
      // The texts changed since they were shown: show the new ones and ask again.
      if (answer.status === 409) load(true);
    });
  }

  function decide(action, chosen) {
    const consent = { ...chosen };
    if (gpc) consent.marketing = consent.sale_of_data = false;
    api.setTrackingConsent(consent, () => {});
    consentMode(consent);
    stored = {
      visitorId,
      version: config.version,
      locale: config.locale,
      decidedAt: new Date().toISOString(),
      consent,
    };
    try {
      localStorage.setItem(STORE, JSON.stringify(stored));
    } catch (_) {}
    close();
    return post(action, consent);
  }

  const all = (value) => Object.fromEntries(KEYS.map((k) => [k, value]));

  function close() {
    const dialog = document.getElementById("vcb-dialog");
    if (!dialog) return;
    dialog.remove();
    (opener || document.getElementById("vcb-open"))?.focus();
  }

  function trap(event) {
    if (event.key === "Escape") return close();
    if (event.key !== "Tab") return;
    const focusable = [...event.currentTarget.querySelectorAll("button,a[href],input:not([disabled])")];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function open(choose) {
    close();
    opener = document.activeElement;
    const t = config.texts;
    const current = stored?.consent;
    const buttons = el(
      "div",
      { class: "vcb-actions" },
      el(
        "button",
        {
          type: "button",
          class: "vcb-btn",
          "data-action": "refuse_all",
          onclick: () => decide("refuse_all", all(false)),
        },
        t.refuseAll,
      ),
      el(
        "button",
        {
          type: "button",
          class: "vcb-btn",
          "data-action": "accept_all",
          onclick: () => decide("accept_all", all(true)),
        },
        t.acceptAll,
      ),
      el(
        "button",
        {
          type: "button",
          class: "vcb-btn",
          "data-action": "choose",
          "aria-expanded": "false",
          onclick: () => open(true),
        },
        t.choose,
      ),
    );
    let second = null;
    if (choose) {
      buttons.lastChild.setAttribute("aria-expanded", "true");
      second = el(
        "form",
        {
          class: "vcb-purposes",
          onsubmit: (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            decide("custom", Object.fromEntries(KEYS.map((k) => [k, form.has(k)])));
          },
        },
        ...t.purposes.map((p) => {
          const locked = gpc && (p.key === "marketing" || p.key === "sale_of_data");
          const id = `vcb-${p.key}`;
          return el(
            "div",
            { class: "vcb-purpose" },
            el("input", {
              type: "checkbox",
              id,
              name: p.key,
              // Nothing ticked before the visitor ticks it; a later visit shows their own choice.
              checked: !locked && current?.[p.key] === true,
              disabled: locked,
              "aria-describedby": `${id}-d`,
            }),
            el("label", { for: id }, p.title),
            el(
              "p",
              { id: `${id}-d`, class: "vcb-desc" },
              `${p.description} (`,
              // The shop's own words keep their language for screen readers (French in de/es/it).
              p.processors.length
                ? el(
                    "span",
                    { lang: t.processorsLang !== config.locale && t.processorsLang },
                    p.processors.join(" ; "),
                  )
                : t.noProcessor,
              ")",
            ),
          );
        }),
        gpc ? el("p", { class: "vcb-desc" }, t.gpcNote) : null,
        el("button", { type: "submit", class: "vcb-btn", "data-action": "save" }, t.save),
      );
    }
    const look = config.look || {};
    const c = look.colours || {};
    const dialog = el(
      "div",
      {
        id: "vcb-dialog",
        class: `vcb vcb--${(look.position || d.position) === "center" ? "center" : "bottom"}`,
        style: c.button
          ? `--vcb-bg:${c.background};--vcb-fg:${c.text};--vcb-accent:${c.button};--vcb-accent-fg:${c.buttonText}`
          : null,
        role: "dialog",
        "aria-modal": "true",
        "aria-labelledby": "vcb-title",
        "aria-describedby": "vcb-intro",
        lang: config.locale || d.locale,
        onkeydown: trap,
      },
      el(
        "button",
        { type: "button", class: "vcb-close", "aria-label": t.close, title: t.close, onclick: close },
        "×",
      ),
      el("h2", { id: "vcb-title" }, t.title),
      el(
        "p",
        { id: "vcb-intro" },
        t.intro,
        d.notice ? " " : null,
        d.notice ? el("a", { href: d.notice }, t.noticeLink) : null,
      ),
      buttons,
      second,
      el("p", { class: "vcb-id" }, `ID ${visitorId}`),
    );
    document.body.append(dialog);
    (second ? second.querySelector("input:not([disabled])") : buttons.firstChild)?.focus();
  }

  async function load(forceOpen) {
    const query = new URLSearchParams({ locale: d.locale || "" });
    if (stored?.version && stored?.decidedAt) {
      query.set("version", stored.version);
      query.set("decided_at", stored.decidedAt);
      // Each language has its version: the choice is checked against the one it was made in.
      if (stored.locale) query.set("stored_locale", stored.locale);
    }
    const answer = await fetch(`${endpoint}?${query}`, { headers: { accept: "application/json" } });
    if (!answer.ok) return;
    config = await answer.json();
    consentMode(null);
    // Google's tags follow the choice on every page, not only the one where it was made.
    if (stored?.consent && !config.askAgain) consentMode(stored.consent);
    if (!document.getElementById("vcb-open")) {
      // Withdrawal as easy as consent: the banner can be reopened from every page.
      document.body.append(
        el(
          "button",
          { type: "button", id: "vcb-open", class: "vcb-link", onclick: () => open(false) },
          config.texts.cookiesLink,
        ),
      );
    }
    if (forceOpen || api.shouldShowBanner() || config.askAgain) open(false);
  }

  if (preview) {
    api = { shouldShowBanner: () => true, setTrackingConsent: () => {}, getRegion: () => null };
    config = preview;
    return open(false);
  }
  const start = () =>
    window.Shopify?.loadFeatures?.([{ name: "consent-tracking-api", version: "0.1" }], (error) => {
      if (error) return;
      api = window.Shopify.customerPrivacy;
      load(false);
    });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
