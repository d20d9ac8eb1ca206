// The erasure of a request, for staff: the dry run (what each system will do, and why), the
// "Execute" button, then each system's receipts, and the legal holds that outlive the erasure.
import { Form } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { SystemPlan } from "~/domain/erasure/erasure-plan";
import { stepKind } from "~/domain/erasure/step-kinds";
import type { ErasureStep } from "~/domain/systems";
import { citeLaw } from "~/i18n/legal-citation";
import type { Locale } from "~/i18n/locale";
import { type Translate, translateDynamic } from "~/i18n/translate";
import { ConfirmAction, listOf } from "./confirm-action";
import { TechnicalDetail } from "./technical-detail";

export type ErasurePanelData = {
  id: string;
  status: string;
  channel: string;
  error: string | null;
  finishedAt: string | null;
  plan: SystemPlan[];
  progress: { system: string; state: "skipped" | "pending" | "done" | "failed" }[];
  /** Systems whose work stopped moving (their job ended without finishing it): staff retry them. */
  stalled: string[];
  /** Planning whose job ended without a plan: staff plan again. */
  planStalled: boolean;
  receipts: {
    stepId: string;
    outcome: string;
    vendorRef: string | null;
    detail: string | null;
    at: string;
  }[];
  holds: { id: string; system: string; basis: string; expiresAt: string; releasedAt: string | null }[];
};

const TONE = {
  done: "success",
  failed: "critical",
  skipped: undefined,
  pending: "attention",
  stalled: "warning",
} as const;

export function ErasurePanel({
  run,
  t,
  locale,
  who,
  when,
  day,
}: {
  run: ErasurePanelData;
  t: Translate;
  locale: Locale;
  /** Whose data: as the confirmation names them. */
  who: string;
  when: (iso: string | null) => string;
  day: (local: string) => string;
}) {
  const receipt = (id: string) => run.receipts.find((r) => r.stepId === id);
  const stepLabel = (system: SystemPlan["system"], step: ErasureStep) =>
    t(`receipts.steps.${stepKind(system, step.id)}` as never);
  const systemName = (system: string) => t(`requests.systems.${system}` as never);
  const erased = run.plan.filter((p) => p.steps.some((step) => step.action !== "keep")).map((p) => p.system);
  const kept = run.plan.flatMap((p) =>
    p.steps.filter((step) => step.action === "keep").map((step) => stepLabel(p.system, step)),
  );
  const settled = run.progress.filter((p) => p.state === "done" || p.state === "skipped").length;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {t("erasure.title")}
      </Text>
      {run.status === "planning" && (
        <Text as="p" data-testid="erasure-status">
          {t(run.planStalled ? "erasure.planStalled" : "erasure.planning")}
        </Text>
      )}
      {run.error && (
        <Banner tone="critical">
          <BlockStack gap="100">
            <Text as="p">{t("technical.planFailed")}</Text>
            <TechnicalDetail summary={t("technical.detail")}>{run.error}</TechnicalDetail>
          </BlockStack>
        </Banner>
      )}
      {run.status === "planned" && <Banner tone="warning">{t("erasure.dryRun")}</Banner>}
      {run.channel === "shopify" && <Banner tone="info">{t("erasure.automatic")}</Banner>}
      {run.status === "running" && (
        <BlockStack gap="100">
          <Text as="p">{t("erasure.running")}</Text>
          <div data-testid="erasure-progress">
            <ProgressBar
              progress={Math.round((100 * settled) / Math.max(1, run.progress.length))}
              size="small"
            />
          </div>
        </BlockStack>
      )}
      {run.status === "done" && (
        <Text as="p" data-testid="erasure-status">
          {t("erasure.done", { at: when(run.finishedAt) })}
        </Text>
      )}
      {run.plan.map((system) => {
        const progress = run.progress.find((p) => p.system === system.system)?.state ?? "pending";
        const state = run.stalled.includes(system.system) ? "stalled" : progress;
        return (
          <BlockStack key={system.system} gap="100">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h4" variant="headingXs">
                {t(`requests.systems.${system.system}` as never)}
              </Text>
              {run.status !== "planned" && (
                <Badge tone={TONE[state]}>{t(`erasure.state.${state}` as never)}</Badge>
              )}
            </InlineStack>
            {system.skipped && system.steps.length === 0 && (
              <Text as="p" tone="subdued">
                {t(`erasure.skipped.${system.skipped}` as never)}
              </Text>
            )}
            {!system.skipped && system.steps.length === 0 && (
              <Text as="p" tone="subdued">
                {t("erasure.nothingHeld")}
              </Text>
            )}
            <ul data-testid={`erasure-steps-${system.system}`} style={{ margin: 0, paddingInlineStart: 20 }}>
              {system.steps.map((step) => {
                const done = receipt(step.id);
                return (
                  <li key={step.id}>
                    <Badge>{t(`erasure.actions.${step.action}` as never)}</Badge>{" "}
                    {stepLabel(system.system, step)}
                    {step.fields && step.fields.length > 0 && (
                      <Text as="span" tone="subdued">{` (${step.fields
                        .map((field) => translateDynamic(locale, "erasureFields", field))
                        .join(", ")})`}</Text>
                    )}
                    {done && (
                      <Text as="span" tone={done.outcome === "failed" ? "critical" : "subdued"}>
                        {` — ${t(`receipts.outcomes.${done.outcome}` as never)}, ${when(done.at)}`}
                      </Text>
                    )}
                    {/* The system's own reference and error: for support, folded away. */}
                    {done &&
                      ((done.vendorRef && system.system !== "vigie") ||
                        (done.outcome === "failed" && done.detail)) && (
                        <TechnicalDetail summary={t("technical.detail")}>
                          {[
                            system.system !== "vigie" ? done.vendorRef : null,
                            done.outcome === "failed" ? done.detail : null,
                          ]
                            .filter(Boolean)
                            .join("\n")}
                        </TechnicalDetail>
                      )}
                  </li>
                );
              })}
            </ul>
            {state === "stalled" && (
              <Text as="p" tone="caution" data-testid={`erasure-stalled-${system.system}`}>
                {t("erasure.stalled", { system: t(`requests.systems.${system.system}` as never) })}
              </Text>
            )}
            {(state === "failed" || state === "stalled") &&
              (run.status === "running" || run.status === "failed") && (
                <Form method="post">
                  <input type="hidden" name="intent" value="retry_erasure" />
                  <input type="hidden" name="system" value={system.system} />
                  <Button submit>
                    {t("erasure.retry", { system: t(`requests.systems.${system.system}` as never) })}
                  </Button>
                </Form>
              )}
          </BlockStack>
        );
      })}
      {run.status === "planned" && (
        <BlockStack gap="100">
          <Text as="p" tone="subdued">
            {t("erasure.executeHelp")}
          </Text>
          <ConfirmAction
            intent="approve_erasure"
            label={t("erasure.execute")}
            title={t("confirm.erase.title")}
            confirm={t("confirm.erase.action")}
            critical
            primary
            body={
              <BlockStack gap="200">
                <Text as="p">
                  {t("confirm.erase.body", { who, systems: listOf(locale, erased.map(systemName)) })}
                </Text>
                <Text as="p">
                  {kept.length > 0
                    ? t("confirm.erase.kept", { what: listOf(locale, kept) })
                    : t("confirm.erase.nothingKept")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("confirm.erase.after")}
                </Text>
              </BlockStack>
            }
          />
        </BlockStack>
      )}
      {(run.status === "planned" ||
        run.status === "failed" ||
        (run.status === "planning" && (run.error || run.planStalled))) && (
        <Form method="post">
          <input type="hidden" name="intent" value="replan_erasure" />
          <Button submit>{t("erasure.replan")}</Button>
        </Form>
      )}
      {run.holds.length > 0 && (
        <BlockStack gap="100">
          <Text as="h4" variant="headingXs">
            {t("erasure.holdsTitle")}
          </Text>
          {run.holds.map((hold) => (
            <Text as="p" key={hold.id}>
              {t("erasure.holdUntil", {
                what: t(`receipts.holdWhat.${hold.system}` as never),
                basis: citeLaw(hold.basis, locale),
                until: day(hold.expiresAt.slice(0, 10)),
              })}
              {hold.releasedAt ? ` (${t("erasure.holdReleased", { at: when(hold.releasedAt) })})` : ""}
            </Text>
          ))}
        </BlockStack>
      )}
    </BlockStack>
  );
}
