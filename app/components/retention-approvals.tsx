// The retention sweep's erasures waiting for staff: who, what each plan does per system, and one
// button that approves exactly the plans shown (each in full on its request page).
import { Link, useLocation } from "@remix-run/react";
import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import type { PlanSummary } from "~/services/retention.server";
import { ConfirmAction, listOf, maskEmail } from "./confirm-action";
import { withSearch } from "./nav-items";

export type PlannedRetentionErasure = {
  runId: string;
  requestId: string;
  reference: string;
  email: string | null;
  summary: PlanSummary;
};

export function RetentionApprovals({ planned }: { planned: PlannedRetentionErasure[] }) {
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  if (planned.length === 0) return null;
  const describe = (summary: PlanSummary) =>
    summary
      .map(({ system, actions }) => {
        const counts = Object.entries(actions)
          .map(([action, count]) => `${t(`erasure.actions.${action}` as never)} ${count}`)
          .join(", ");
        return `${t(`requests.systems.${system}` as never)}${locale === "fr" ? "\u00a0: " : ": "}${counts}`;
      })
      .join(" · ");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("retention.plannedTitle", { count: planned.length })}
        </Text>
        <Text as="p" tone="subdued">
          {t("retention.plannedHelp")}
        </Text>
        <DataTable
          columnContentTypes={["text", "text", "text"]}
          headings={[t("retention.reference"), t("retention.who"), t("retention.plan")]}
          rows={planned.map((run) => [
            <Link key={run.runId} to={withSearch(`/app/requests/${run.requestId}`, search)}>
              {run.reference}
            </Link>,
            run.email ?? "—",
            describe(run.summary),
          ])}
        />
        <ConfirmAction
          intent="approve"
          fields={{ runId: planned.map((run) => run.runId) }}
          label={t("retention.approveAll", { count: planned.length })}
          title={t("confirm.approvePlans.title", { count: planned.length })}
          confirm={t("confirm.approvePlans.action")}
          critical
          primary
          body={
            <BlockStack gap="200">
              <Text as="p">
                {t("confirm.approvePlans.body", {
                  who: listOf(
                    locale,
                    planned.map((run) => (run.email ? maskEmail(run.email) : run.reference)),
                  ),
                })}
              </Text>
              <Text as="p" tone="subdued">
                {t("confirm.approvePlans.after")}
              </Text>
            </BlockStack>
          }
        />
      </BlockStack>
    </Card>
  );
}
