// The retention sweep's erasures waiting for staff: who, what each plan does per system, and one
// button that approves exactly the plans shown (each in full on its request page).
import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, DataTable, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import type { PlanSummary } from "~/services/retention.server";
import { withSearch } from "./nav-items";

export type PlannedRetentionErasure = {
  runId: string;
  requestId: string;
  reference: string;
  email: string | null;
  summary: PlanSummary;
};

export function RetentionApprovals({ planned }: { planned: PlannedRetentionErasure[] }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const navigation = useNavigation();
  if (planned.length === 0) return null;
  const describe = (summary: PlanSummary) =>
    summary
      .map(({ system, actions }) => {
        const counts = Object.entries(actions)
          .map(([action, count]) => `${t(`erasure.actions.${action}` as never)} ${count}`)
          .join(", ");
        return `${t(`requests.systems.${system}` as never)}: ${counts}`;
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
        <Form method="post">
          <input type="hidden" name="intent" value="approve" />
          {planned.map((run) => (
            <input key={run.runId} type="hidden" name="runId" value={run.runId} />
          ))}
          <Button
            submit
            variant="primary"
            tone="critical"
            loading={navigation.formData?.get("intent") === "approve"}
          >
            {t("retention.approveAll", { count: planned.length })}
          </Button>
        </Form>
      </BlockStack>
    </Card>
  );
}
