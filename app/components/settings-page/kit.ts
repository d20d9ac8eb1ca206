// What the settings page's cards share: the settings read, and how a refused field and a form being
// sent show.
import type { SerializeFrom } from "@remix-run/node";
import type { Translate } from "~/i18n/translate";
import type { getSettings } from "~/services/settings.server";

export type SettingsView = SerializeFrom<typeof getSettings>;

export type SettingsFormProps = {
  t: Translate;
  /** The error to show on a field the last save refused. */
  bad: (field: string) => string | undefined;
  /** Whether the form of `intent` is being sent. */
  busy: (intent: string) => boolean;
};
