// What went wrong, as a sentence staff read, with the technical detail (an error message, a job
// id) folded away for whoever needs it (docs/decisions/054).
import { Text } from "@shopify/polaris";
import type { ReactNode } from "react";

export function TechnicalDetail({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details data-testid="technical-detail">
      <summary style={{ cursor: "pointer" }}>
        <Text as="span" tone="subdued" variant="bodySm">
          {summary}
        </Text>
      </summary>
      {/* Written by machines, in their language: not a text of the page. */}
      <pre lang="en" translate="no" style={{ whiteSpace: "pre-wrap", margin: "4px 0 0", fontSize: 12 }}>
        {children}
      </pre>
    </details>
  );
}
