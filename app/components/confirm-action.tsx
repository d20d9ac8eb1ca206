// Staff's irreversible actions ask first (docs/decisions/054): one button that opens a Polaris
// modal saying what will happen and to whom; confirming posts the form; while it runs the modal
// shows progress and the page's other actions wait (`ActionLock`).
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, Modal, ProgressBar, Text } from "@shopify/polaris";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { Locale } from "~/i18n/locale";
import { useTranslation } from "~/i18n/use-translation";

/** Whether a form of this page is being sent or its answer awaited: other actions wait. */
export function usePageBusy(): boolean {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
}

/**
 * The page's content, its form controls disabled while one of its actions runs (a disabled
 * fieldset disables every button and field inside it), with a line saying so.
 */
export function ActionLock({ children }: { children: ReactNode }) {
  const busy = usePageBusy();
  const { t } = useTranslation();
  return (
    <fieldset
      disabled={busy}
      aria-busy={busy}
      data-testid="action-lock"
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
    >
      {busy && (
        <div style={{ marginBlockEnd: 16 }} data-testid="action-progress">
          <Banner tone="info">
            <BlockStack gap="200">
              <Text as="p">{t("confirm.working")}</Text>
              <ProgressBar progress={75} size="small" animated />
            </BlockStack>
          </Banner>
        </div>
      )}
      {children}
    </fieldset>
  );
}

export type ConfirmActionProps = {
  /** The form's intent, posted with `fields` and any field rendered as `children`. */
  intent: string;
  fields?: Record<string, string | string[]>;
  /** Fields staff fill before asking (a refusal's ground and explanation). */
  children?: ReactNode;
  /** The button's text. */
  label: string;
  /** The question, and what will happen and to whom. */
  title: string;
  body: ReactNode;
  /** The confirming button's text: the action itself ("Erase now"). */
  confirm: string;
  critical?: boolean;
  primary?: boolean;
  disabled?: boolean;
  testId?: string;
};

/** A button whose action runs only once staff confirm it in a modal. */
export function ConfirmAction(props: ConfirmActionProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = usePageBusy();
  const [open, setOpen] = useState(false);
  const running = busy && navigation.formData?.get("intent") === props.intent;
  // The modal stays open, its button spinning, until the action's answer is shown on the page.
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (sent && !busy) {
      setSent(false);
      setOpen(false);
    }
  }, [sent, busy]);
  return (
    <Form method="post" ref={form} data-testid={props.testId}>
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.fields ?? {}).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => (
          <input key={`${name}=${v}`} type="hidden" name={name} value={v} />
        )),
      )}
      <BlockStack gap="200">
        {props.children}
        <div>
          <Button
            onClick={() => setOpen(true)}
            variant={props.primary ? "primary" : undefined}
            tone={props.critical ? "critical" : undefined}
            loading={running}
            disabled={props.disabled || busy}
          >
            {props.label}
          </Button>
        </div>
      </BlockStack>
      <Modal
        open={open}
        onClose={() => {
          if (!running) setOpen(false);
        }}
        title={props.title}
        primaryAction={{
          content: props.confirm,
          destructive: props.critical,
          loading: running || sent,
          onAction: () => {
            if (!form.current) return;
            setSent(true);
            submit(form.current);
          },
        }}
        secondaryActions={[
          { content: t("confirm.cancel"), onAction: () => setOpen(false), disabled: running || sent },
        ]}
      >
        <Modal.Section>
          <div data-testid="confirm-body">{props.body}</div>
        </Modal.Section>
      </Modal>
    </Form>
  );
}

/** "c…@example.com": enough for staff to know whom, without the whole address on screen. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "…";
  return `${email[0]}…${email.slice(at)}`;
}

/** "Shopify, Stripe and Mailchimp" / "Shopify, Stripe et Mailchimp". */
export function listOf(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}
