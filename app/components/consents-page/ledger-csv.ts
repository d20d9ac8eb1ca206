// Downloads the consent ledger as CSV, whole or as filtered on the page.
import { useState } from "react";
import { withSearch } from "~/components/nav-items";

export function useLedgerCsv(search: string, filteredCsv: string) {
  const [downloading, setDownloading] = useState(false);
  async function downloadCsv(filtered: boolean) {
    // fetch (not a link): in the Shopify admin, App Bridge adds the session token to fetch calls.
    setDownloading(true);
    try {
      const response = await fetch(
        withSearch(`/app/consents/ledger.csv${filtered && filteredCsv ? `?${filteredCsv}` : ""}`, search),
      );
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement("a"), { href, download: "consent-ledger.csv" });
      a.click();
      URL.revokeObjectURL(href);
    } finally {
      setDownloading(false);
    }
  }
  return { downloading, downloadCsv };
}
