// Post-mortem directives and heir requests on the request page: what the person asked, the
// directive in the register (an heir request shows it first, as the task to follow), and the
// review of an heir's proofs.
import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { PROOF_STATUSES } from "~/domain/requests/request-details";
import type { Translate } from "~/i18n/translate";
import { ConfirmAction } from "./confirm-action";

export type DirectiveData = {
  id: string;
  status: "in_force" | "revoked" | "carried_out";
  instructions: string | null;
  executor: { name: string; email?: string } | null;
  recordedAt: string;
  revokedAt: string | null;
  carriedOutAt: string | null;
};

const TONE = { in_force: "success", revoked: undefined, carried_out: "info" } as const;

function DirectiveBody({
  directive,
  t,
  when,
}: {
  directive: DirectiveData;
  t: Translate;
  when: Props["when"];
}) {
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center">
        <Badge tone={TONE[directive.status]}>{t(`requests.directive.status.${directive.status}`)}</Badge>
        <Text as="span" tone="subdued">
          {t("requests.directive.recordedOn", { at: when(directive.recordedAt) })}
          {directive.carriedOutAt &&
            ` · ${t("requests.directive.carriedOutOn", { at: when(directive.carriedOutAt) })}`}
          {directive.revokedAt &&
            ` · ${t("requests.directive.revokedOn", { at: when(directive.revokedAt) })}`}
        </Text>
      </InlineStack>
      {directive.instructions && (
        <Text as="p">
          <span data-testid="directive-instructions" style={{ whiteSpace: "pre-wrap" }}>
            {directive.instructions}
          </span>
        </Text>
      )}
      {directive.status !== "revoked" && (
        <Text as="p" tone="subdued">
          {directive.executor
            ? t("requests.directive.executor", {
                name: directive.executor.name,
                email: directive.executor.email ?? "—",
              })
            : t("requests.directive.noExecutor")}
        </Text>
      )}
    </BlockStack>
  );
}

type Props = { t: Translate; when: (iso: string | null) => string; busy: (intent: string) => boolean };

/** An heir request's first task: the deceased's directive, to follow, then mark carried out. */
export function HeirDirectiveTask({
  directive,
  closed,
  t,
  when,
  reference,
}: Props & { directive: DirectiveData | null; closed: boolean; reference: string }) {
  return (
    <div data-testid="directive-task">
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {t("requests.directive.followTitle")}
        </Text>
        {directive ? (
          <>
            <DirectiveBody directive={directive} t={t} when={when} />
            {directive.status === "in_force" && !closed && (
              <ConfirmAction
                intent="carry_out_directive"
                label={t("requests.directive.carryOut")}
                title={t("confirm.carryOutDirective.title")}
                confirm={t("confirm.carryOutDirective.action")}
                body={
                  <BlockStack gap="200">
                    <Text as="p">{t("confirm.carryOutDirective.body", { reference })}</Text>
                    <Text as="p" tone="subdued">
                      {t("confirm.carryOutDirective.after")}
                    </Text>
                  </BlockStack>
                }
              />
            )}
          </>
        ) : (
          <Text as="p" tone="subdued">
            {t("requests.directive.none")}
          </Text>
        )}
      </BlockStack>
    </div>
  );
}

/** A directive request's entry in the register: what it wrote, and staff revocation. */
export function DirectiveEntry({
  directive,
  t,
  when,
  who,
}: Props & { directive: DirectiveData; who: string }) {
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("requests.directive.registerTitle")}
      </Text>
      <DirectiveBody directive={directive} t={t} when={when} />
      {directive.status === "in_force" && (
        <ConfirmAction
          intent="revoke_directive"
          fields={{ directiveId: directive.id }}
          label={t("requests.directive.revoke")}
          title={t("confirm.revokeDirective.title")}
          confirm={t("confirm.revokeDirective.action")}
          critical
          body={
            <BlockStack gap="200">
              <Text as="p">{t("confirm.revokeDirective.body", { who })}</Text>
              <Text as="p" tone="subdued">
                {t("confirm.revokeDirective.after")}
              </Text>
            </BlockStack>
          }
        />
      )}
    </BlockStack>
  );
}

/** What the person asked: a directive's text and executor, or an heir's deceased, relationship and scope. */
export function RequestDetailsCard({ details, t }: { details: Record<string, unknown>; t: Translate }) {
  const line = (label: string, value: unknown) =>
    typeof value === "string" && value !== "" ? (
      <Text as="p">
        <Text as="span" tone="subdued">
          {label}
        </Text>{" "}
        <span style={{ whiteSpace: "pre-wrap" }}>{value}</span>
      </Text>
    ) : null;
  if (details.type === "post_mortem_directive") {
    const executor = details.executor as { name?: string; email?: string } | null;
    return (
      <BlockStack gap="100">
        {line(
          t("requests.directiveAction"),
          t(`requests.directiveActions.${String(details.action)}` as never),
        )}
        {line(t("requests.instructions"), details.instructions)}
        {line(t("requests.executorName"), executor?.name)}
        {line(t("requests.executorEmail"), executor?.email)}
      </BlockStack>
    );
  }
  if (details.type === "heir_request") {
    const scope = Array.isArray(details.scope) ? (details.scope as string[]) : [];
    return (
      <BlockStack gap="100">
        {line(t("requests.deceasedEmail"), details.deceasedEmail)}
        {line(t("requests.heirRelationship"), details.relationship)}
        {line(t("requests.heirScope"), scope.map((s) => t(`requests.heirScopes.${s}` as never)).join(", "))}
      </BlockStack>
    );
  }
  return null;
}

/** Staff review of an heir's proofs of death and of heir status. */
export function HeirProofsForm({
  death,
  heir,
  closed,
  t,
  busy,
}: Omit<Props, "when"> & { death: string; heir: string; closed: boolean }) {
  const [deathProof, setDeathProof] = useState(death);
  const [heirProof, setHeirProof] = useState(heir);
  const options = PROOF_STATUSES.map((value) => ({ value, label: t(`requests.proofs.status.${value}`) }));
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="heir_proofs" />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {t("requests.proofs.title")}
        </Text>
        <InlineStack gap="300" blockAlign="end">
          <Select
            label={t("requests.proofs.death")}
            name="death"
            options={options}
            value={deathProof}
            onChange={setDeathProof}
            disabled={closed}
          />
          <Select
            label={t("requests.proofs.heir")}
            name="heir"
            options={options}
            value={heirProof}
            onChange={setHeirProof}
            disabled={closed}
          />
          <Button submit loading={busy("heir_proofs")} disabled={closed}>
            {t("requests.proofs.save")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
