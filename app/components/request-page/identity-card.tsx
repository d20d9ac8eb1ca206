// Who the requester is proven to be: the checks run, the documents sent, and staff's decisions.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ConfirmAction } from "~/components/confirm-action";
import { withSearch } from "~/components/nav-items";
import type { CardProps } from "./kit";

export function IdentityCard({ data, t, when, day, busy, search, who }: CardProps) {
  const r = data.request;
  const [documentReason, setDocumentReason] = useState("");
  const clockRunsDuringCheck =
    !r.closed && r.state === "identity_check" && !data.pauses.some((p) => p.to === null);
  const documentPending = data.checks.some((c) => c.method === "document" && c.status === "pending");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("requests.identity")}
        </Text>
        <Text as="p">
          {r.identityVerifiedAt
            ? t("requests.identityVerified", { at: when(r.identityVerifiedAt) })
            : t(`requests.identityLevels.${r.identityLevel}` as never)}
        </Text>
        {/* The clock's section only when it has something to say: a pause, or a clock running while identity is checked. */}
        {(data.pauses.length > 0 || clockRunsDuringCheck) && (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t("requests.clock")}
            </Text>
            <div data-testid="clock">
              {data.pauses.map((p) => (
                <Text as="p" key={p.id}>
                  {p.to
                    ? t("requests.pauseSpan", { from: day(p.from), to: day(p.to) })
                    : t("requests.pauseOpen", { from: day(p.from) })}{" "}
                  — {t(`requests.pauseReasons.${p.reason}` as never)}
                </Text>
              ))}
              {clockRunsDuringCheck && <Text as="p">{t("requests.clockRunning")}</Text>}
            </div>
          </BlockStack>
        )}
        {data.checks.map((c) => (
          <Text as="p" key={c.id} tone="subdued">
            {t(`requests.checkMethods.${c.method}` as never)} ·{" "}
            {t(`requests.checkStatus.${c.status}` as never)}
            {c.method === "email_code"
              ? ` · ${t("requests.attempts", { attempts: c.attempts, max: c.maxAttempts })}`
              : ""}
            {c.reason ? ` · ${c.reason}` : ""}
          </Text>
        ))}
        {documentPending && (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {t("identityDocuments.title")}
            </Text>
            {data.documents.length === 0 && (
              <Text as="p" tone="subdued">
                {t("identityDocuments.none")}
              </Text>
            )}
            {data.documents.map((d) => (
              <a
                key={d.id}
                href={withSearch(`/app/documents/${d.id}`, search)}
                target="_blank"
                rel="noreferrer"
              >
                {d.name}
              </a>
            ))}
            {data.documents.length > 0 && (
              <InlineStack gap="200">
                <Form method="post">
                  <input type="hidden" name="intent" value="document_decision" />
                  <input type="hidden" name="accepted" value="yes" />
                  <Button submit>{t("identityDocuments.accept")}</Button>
                </Form>
                <ConfirmAction
                  intent="document_decision"
                  fields={{ accepted: "no" }}
                  label={t("identityDocuments.reject")}
                  title={t("confirm.rejectDocument.title")}
                  confirm={t("confirm.rejectDocument.action")}
                  critical
                  body={
                    <BlockStack gap="200">
                      <Text as="p">{t("confirm.rejectDocument.body", { who, reference: r.reference })}</Text>
                      <Text as="p" tone="subdued">
                        {t("confirm.rejectDocument.after")}
                      </Text>
                    </BlockStack>
                  }
                />
              </InlineStack>
            )}
          </BlockStack>
        )}
        {!r.closed && r.state === "identity_check" && (
          <InlineStack gap="200">
            <Form method="post">
              <input type="hidden" name="intent" value="verify" />
              <Button submit loading={busy("verify")}>
                {t("requests.actions.verify")}
              </Button>
            </Form>
            <ConfirmAction
              intent="close_unverified"
              label={t("requests.actions.closeUnverified")}
              title={t("confirm.closeUnverified.title")}
              confirm={t("confirm.closeUnverified.action")}
              critical
              body={
                <BlockStack gap="200">
                  <Text as="p">{t("confirm.closeUnverified.body", { who, reference: r.reference })}</Text>
                  <Text as="p" tone="subdued">
                    {t("confirm.closeUnverified.after")}
                  </Text>
                </BlockStack>
              }
            />
          </InlineStack>
        )}
        {!r.closed && (
          <Form method="post">
            <input type="hidden" name="intent" value="document" />
            <InlineStack gap="200" blockAlign="end">
              <div style={{ flexGrow: 1 }}>
                <TextField
                  label={t("requests.documentReason")}
                  helpText={t("requests.documentHelp")}
                  name="reason"
                  value={documentReason}
                  onChange={setDocumentReason}
                  autoComplete="off"
                />
              </div>
              <Button submit loading={busy("document")} disabled={documentReason.trim() === ""}>
                {t("requests.actions.document")}
              </Button>
            </InlineStack>
          </Form>
        )}
      </BlockStack>
    </Card>
  );
}
