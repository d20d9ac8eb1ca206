// A list with nothing to show (docs/decisions/067): Polaris's EmptyState, saying what to do next —
// or, when filters hide everything, what to change, with a link that clears them.
import { EmptyState } from "@shopify/polaris";

// A plain drawing (an empty tray), inline: no request for an image, nothing for a reader to read.
const IMAGE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80"><rect x="14" y="30" width="92" height="40" rx="6" fill="#f1f1f1" stroke="#8a8a8a" stroke-width="2"/><path d="M14 50h28l6 8h24l6-8h28" fill="none" stroke="#8a8a8a" stroke-width="2"/><path d="M40 12h40M48 20h24" stroke="#b5b5b5" stroke-width="2" stroke-linecap="round"/></svg>',
)}`;

export function ListEmptyState(props: {
  testId: string;
  heading: string;
  help: string;
  action?: { content: string; url: string };
}) {
  return (
    <div data-testid={props.testId}>
      <EmptyState heading={props.heading} image={IMAGE} action={props.action}>
        <p>{props.help}</p>
      </EmptyState>
    </div>
  );
}
