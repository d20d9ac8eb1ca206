// The block both targets render: unticked checkbox with the shop's wording, privacy link, note.
import type { Wording } from "./wording";

interface Props {
  wording: Wording;
  checked: boolean;
  disabled: boolean;
  privacyLabel: string;
  /** A discreet status line (translated), or nothing. */
  note?: string;
  onToggle: (checked: boolean) => void;
}

const checkboxOf = (event: Event) => event.currentTarget as HTMLElementTagNameMap["s-checkbox"];

export function ConsentCheckbox({ wording, checked, disabled, privacyLabel, note, onToggle }: Props) {
  return (
    <s-stack gap="small-200">
      <s-checkbox
        label={wording.wording}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onToggle(checkboxOf(event).checked === true)}
      />
      {wording.privacyUrl ? (
        <s-link href={wording.privacyUrl} target="_blank">
          {privacyLabel}
        </s-link>
      ) : null}
      {note ? (
        <s-text color="subdued" type="small">
          {note}
        </s-text>
      ) : null}
    </s-stack>
  );
}
