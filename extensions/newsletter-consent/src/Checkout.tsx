// purchase.checkout.contact.render-after (Shopify Plus): the choice becomes checkout attributes.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ConsentCheckbox } from "./ConsentCheckbox";
import {
  type AttributeChange,
  clearChanges,
  grantChanges,
  hasConsentAttributes,
  isGrantRecorded,
} from "./consent-attributes";
import { resolveWording } from "./wording";

export default async () => {
  render(<Extension />, document.body);
};

/** Applies the changes in order; false on the first error. Never throws, logs nothing. */
async function applyAll(changes: AttributeChange[]): Promise<boolean> {
  try {
    for (const change of changes) {
      const result = await shopify.applyAttributeChange(change);
      if (result.type !== "success") return false;
    }
    return true;
  } catch {
    return false;
  }
}

function Extension() {
  // A draft order's or an accelerated checkout's attributes cannot change: the box would record
  // nothing, so the buyer is told the question comes on the thank-you page, which saves it itself.
  if (shopify.instructions.value?.attributes.canUpdateAttributes === false) {
    return (
      <s-text color="subdued" type="small">
        {shopify.i18n.translate("checkout.on_thank_you")}
      </s-text>
    );
  }
  return <AttributeConsent />;
}

function AttributeConsent() {
  const wording = resolveWording(shopify);
  const attributes = shopify.attributes.value ?? [];
  // Unticked unless this checkout already holds the buyer's own tick for this exact text.
  const [checked, setChecked] = useState(() => isGrantRecorded(attributes, wording));
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  // Leftovers (set by the storefront, or for another wording) would otherwise reach the order.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount.
  useEffect(() => {
    if (!checked && hasConsentAttributes(attributes)) void applyAll(clearChanges());
  }, []);

  async function onToggle(next: boolean) {
    setChecked(next);
    setBusy(true);
    setFailed(false);
    const saved = await applyAll(next ? grantChanges(wording) : clearChanges());
    if (!saved) {
      // Show what is recorded: a failed tick leaves nothing granted (marker written last; the
      // details are cleared best-effort); a failed untick may leave the grant in place.
      if (next) await applyAll(clearChanges());
      setChecked(!next);
      setFailed(true);
    }
    setBusy(false);
  }

  return (
    <ConsentCheckbox
      wording={wording}
      checked={checked}
      disabled={busy}
      privacyLabel={shopify.i18n.translate("privacy_link")}
      note={failed ? shopify.i18n.translate("checkout.not_saved") : undefined}
      onToggle={onToggle}
    />
  );
}
