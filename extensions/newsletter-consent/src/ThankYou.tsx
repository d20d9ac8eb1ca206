// purchase.thank-you.block.render (every plan): attributes can no longer be written once the
// order exists, so the choice is POSTed to the Vigie backend (see consent-api.ts).
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useState } from "preact/hooks";
import { ConsentCheckbox } from "./ConsentCheckbox";
import { postConsent } from "./consent-api";
import { hasGrantMarker } from "./consent-attributes";
import { resolveWording } from "./wording";

export default async () => {
  render(<Extension />, document.body);
};

type Status = "idle" | "granted" | "withdrawn" | "failed";

function Extension() {
  const wording = resolveWording(shopify);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>("idle");

  // Consent already given in checkout (Plus stores with both targets): don't ask twice.
  if (hasGrantMarker(shopify.attributes.value ?? [])) return null;

  async function onToggle(next: boolean) {
    setChecked(next);
    setBusy(true);
    const { noticeVersion, wordingKey, wordingLocale, wording: text } = wording;
    const saved = await postConsent(
      {
        consent: next ? "granted" : "withdrawn",
        orderId: shopify.orderConfirmation.value?.order.id ?? "",
        checkoutToken: shopify.checkoutToken.value ?? null,
        noticeVersion,
        wordingKey,
        wordingLocale,
        wording: text,
      },
      () => shopify.sessionToken.get(),
    );
    if (!saved) setChecked(!next);
    setStatus(saved ? (next ? "granted" : "withdrawn") : "failed");
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
