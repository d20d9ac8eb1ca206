// purchase.thank-you.block.render (every plan): attributes can no longer be written once the
// order exists, so the choice is POSTed to the Vigie backend (see consent-api.ts), and the box
// shows, on load, what the buyer already chose (ticked when subscribed, after a reload too).
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ConsentCheckbox } from "./ConsentCheckbox";
import { fetchConsentState, postConsent } from "./consent-api";
import { hasGrantMarker } from "./consent-attributes";
import { resolveWording } from "./wording";

export default async () => {
  render(<Extension />, document.body);
};

type Status = "idle" | "granted" | "withdrawn" | "pending" | "failed";

function Extension() {
  const wording = resolveWording(shopify);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>("idle");
  // Once the buyer has acted, a late answer about the earlier state must not undo their choice.
  const acted = useRef(false);
  const orderId = shopify.orderConfirmation.value?.order.id ?? "";
  const checkoutToken = shopify.checkoutToken.value ?? null;
  const shown = !hasGrantMarker(shopify.attributes.value ?? []);

  useEffect(() => {
    if (!shown) return;
    fetchConsentState({ orderId, checkoutToken }, () => shopify.sessionToken.get()).then((state) => {
      if (acted.current || !state || state === "not_subscribed") return;
      setChecked(true);
      if (state === "pending") setStatus("pending");
    });
  }, [shown, orderId, checkoutToken]);

  // Consent already given in checkout (Plus stores with both targets): don't ask twice.
  if (!shown) return null;

  async function onToggle(next: boolean) {
    acted.current = true;
    setChecked(next);
    setBusy(true);
    const { noticeVersion, wordingKey, wordingLocale, wording: text } = wording;
    const saved = await postConsent(
      {
        consent: next ? "granted" : "withdrawn",
        orderId,
        checkoutToken,
        noticeVersion,
        wordingKey,
        wordingLocale,
        wording: text,
      },
      () => shopify.sessionToken.get(),
    );
    if (saved === "failed") setChecked(!next);
    setStatus(
      saved === "failed"
        ? "failed"
        : saved === "confirm_by_email"
          ? "pending"
          : next
            ? "granted"
            : "withdrawn",
    );
    setBusy(false);
  }

  return (
    <ConsentCheckbox
      wording={wording}
      checked={checked}
      disabled={busy}
      privacyLabel={shopify.i18n.translate("privacy_link")}
      note={status === "idle" ? undefined : shopify.i18n.translate(`thank_you.${status}`)}
      onToggle={onToggle}
    />
  );
}
