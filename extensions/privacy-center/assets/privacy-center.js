// Vigie privacy centre: progressive enhancement only. Without this file the form still works (every
// hint stays visible, the browser posts the form); it never talks to Vigie itself.
(() => {
  const FORM = "form[data-vigie-privacy-form]";

  /** Shows only the hints and fields of the chosen request type; the others' fields are not posted. */
  function syncHints(form) {
    const select = form.querySelector("[data-vigie-type]");
    if (!select) return;
    for (const hint of form.querySelectorAll("[data-vigie-hint-for]")) {
      const types = (hint.getAttribute("data-vigie-hint-for") || "").split(/\s+/);
      hint.hidden = !types.includes(select.value);
    }
    for (const fields of form.querySelectorAll("[data-vigie-fields-for]")) {
      const types = (fields.getAttribute("data-vigie-fields-for") || "").split(/\s+/);
      const other = !types.includes(select.value);
      fields.hidden = other;
      fields.disabled = other;
    }
  }

  function setSubmitting(form, submitting) {
    const button = form.querySelector("[data-vigie-submit]");
    if (submitting) {
      form.setAttribute("data-vigie-submitting", "");
      form.setAttribute("aria-busy", "true");
    } else {
      form.removeAttribute("data-vigie-submitting");
      form.removeAttribute("aria-busy");
    }
    if (!button) return;
    if (submitting) {
      button.setAttribute("data-vigie-label", button.textContent);
      button.textContent = form.getAttribute("data-submitting-label") || button.textContent;
    } else if (button.hasAttribute("data-vigie-label")) {
      button.textContent = button.getAttribute("data-vigie-label");
      button.removeAttribute("data-vigie-label");
    }
    button.disabled = submitting;
  }

  function init(root) {
    for (const form of root.querySelectorAll(FORM)) {
      syncHints(form);
      setSubmitting(form, false);
    }
  }

  // Delegated on document so blocks added later by the theme editor are handled too.
  document.addEventListener("change", (event) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.matches("[data-vigie-type]")) return;
    const form = target.closest(FORM);
    if (form) syncHints(form);
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(FORM) || event.defaultPrevented) return;
    // A second click while the first POST is on its way would file the same request twice.
    if (form.hasAttribute("data-vigie-submitting")) {
      event.preventDefault();
      return;
    }
    setSubmitting(form, true);
  });

  // The back-forward cache restores the page as it was left, button disabled: make the form usable again.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) init(document);
  });
  document.addEventListener("shopify:section:load", (event) => {
    if (event.target instanceof Element) init(event.target);
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => init(document));
  else init(document);
})();
