// The work a request needs, per system, and its outcome: tasks, the directive, the erasure, the export.
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { DirectiveEntry, HeirDirectiveTask } from "~/components/directive-panel";
import { ErasurePanel } from "~/components/erasure-panel";
import { translateDynamic } from "~/i18n/translate";
import { ExportSection } from "./export-section";
import type { CardProps } from "./kit";

export function TasksCard(props: CardProps) {
  const { data, locale, t, when, day, busy, who } = props;
  const r = data.request;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("requests.tasks")}
        </Text>
        {r.type === "heir_request" && (
          <HeirDirectiveTask
            directive={data.directive}
            closed={r.closed}
            t={t}
            when={when}
            busy={busy}
            reference={r.reference}
          />
        )}
        {data.tasks.map((task) => (
          <InlineStack key={task.id} gap="200" align="space-between">
            <Text as="span">
              {t(`requests.systems.${task.system}` as never)} ·{" "}
              {t(`requests.taskKinds.${task.kind}` as never)}
            </Text>
            <Badge
              tone={task.status === "done" ? "success" : task.status === "failed" ? "critical" : undefined}
            >
              {t(`requests.taskStatus.${task.status}` as never)}
            </Badge>
            {task.detail && (
              <Text as="span" tone="subdued" variant="bodySm">
                {/^\d+$/.test(task.detail)
                  ? t("requests.taskRecords", { count: task.detail })
                  : translateDynamic(locale, "taskDetail", task.detail)}
              </Text>
            )}
          </InlineStack>
        ))}
        {r.type === "post_mortem_directive" && data.directive && (
          <DirectiveEntry directive={data.directive} t={t} when={when} busy={busy} who={who} />
        )}
        {data.erasure && (
          <ErasurePanel run={data.erasure} t={t} locale={locale} who={who} when={when} day={day} />
        )}
        <ExportSection {...props} />
      </BlockStack>
    </Card>
  );
}
