// The shop's record of processing (GDPR art. 30), drafted from its settings and connected systems.
import type { Db } from "~/db/client.server";
import { buildRegister, type RegisterSystem } from "~/domain/processing/register";
import { csvLine, neutraliseFormula } from "~/exports/csv";
import type { Locale } from "~/i18n/locale";
import { parseShopSettings } from "./shop-settings.server";

export async function registerForShop(db: Db, shopId: string, locale: Locale) {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: {
      name: true,
      domain: true,
      settings: true,
      // A connector counts once its credentials are saved and it is enabled.
      connectors: { where: { enabled: true, secrets: { not: null } }, select: { connector: true } },
    },
  });
  const settings = parseShopSettings(shop.settings);
  const connected = new Set(
    shop.connectors
      .map(({ connector }) => connector)
      .filter(
        (connector): connector is RegisterSystem => connector === "stripe" || connector === "mailchimp",
      ),
  );
  return buildRegister({
    shopName: shop.name ?? shop.domain,
    contactEmail: settings.dpoEmail ?? null,
    retention: settings.retention,
    connected,
    locale,
  });
}

/**
 * The register as CSV (UTF-8 with BOM, one line per activity, each naming the controller and its
 * contact), with headings in `headings`' language.
 */
export function registerCsv(
  register: Awaited<ReturnType<typeof registerForShop>>,
  headings: {
    controller: string;
    contact: string;
    activity: string;
    purposes: string;
    subjects: string;
    data: string;
    recipients: string;
    transfers: string;
    retention: string;
    automated: string;
  },
): string {
  const cells = (values: string[]) => csvLine(values.map(neutraliseFormula));
  return (
    `\uFEFF${cells(Object.values(headings))}` +
    register.activities
      .map((activity) =>
        cells([
          register.controller.name,
          register.controller.contactEmail ?? "",
          activity.name,
          activity.purposes.map(({ purpose, basis }) => `${purpose} (${basis})`).join(" ; "),
          activity.subjects,
          activity.data,
          activity.recipients,
          activity.transfers,
          activity.retention,
          activity.automatedDecision ?? "",
        ]),
      )
      .join("")
  );
}
