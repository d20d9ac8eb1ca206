// Downloads a CSV the page offers (the consent ledger, the audit log), telling while it comes.
import { useState } from "react";

export function useCsvDownload() {
  const [downloading, setDownloading] = useState(false);
  async function download(url: string, filename: string) {
    // fetch (not a link): in the Shopify admin, App Bridge adds the session token to fetch calls.
    setDownloading(true);
    try {
      const response = await fetch(url);
      const href = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement("a"), { href, download: filename });
      a.click();
      URL.revokeObjectURL(href);
    } finally {
      setDownloading(false);
    }
  }
  return { downloading, download };
}
