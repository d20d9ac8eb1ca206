/** The systems an export gathers data from, in the order the archive lists them. */
export const EXPORT_SYSTEMS = ["shopify", "stripe", "mailchimp", "vigie"] as const;
export type ExportSystem = (typeof EXPORT_SYSTEMS)[number];
