// The request's access export: building, ready to download (until when), downloaded, and the
// systems staff can retry when they failed or stopped moving.
import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { withSearch } from "~/components/nav-items";
import type { CardProps } from "./kit";

export function ExportSection({ data, t, when, search }: CardProps) {
  const archive = data.archive;
  if (!archive) return null;
  const system = (name: string) => t(`requests.systems.${name}` as never);
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("exports.title")}
      </Text>
      {data.request.channel === "shopify" && <Banner tone="info">{t("exports.merchantNotice")}</Banner>}
      {data.ordersAccess === "recent" && (
        <Banner tone="warning">
          <span data-testid="orders-access-warning">{t("ordersAccess.recentExport")}</span>
        </Banner>
      )}
      {archive.status === "building" && (
        <Text as="p" data-testid="export-status">
          {t("exports.building")}
        </Text>
      )}
      {archive.status === "complete" && archive.expiresAt && (
        <InlineStack gap="200" blockAlign="center">
          <span data-testid="export-status">
            {t("exports.complete", {
              size: `${Math.ceil((archive.size ?? 0) / 1024)} KB`,
              until: when(archive.expiresAt),
            })}
          </span>
          <Button url={withSearch(`/app/exports/${archive.id}`, search)} external>
            {t("exports.download")}
          </Button>
        </InlineStack>
      )}
      {archive.downloadedAt && (
        <Text as="p" tone="subdued">
          {t("exports.downloaded", { at: when(archive.downloadedAt) })}
        </Text>
      )}
      {archive.parts
        .filter((p) => p.status === "failed" || p.stalled)
        .map((p) => (
          <Form method="post" key={p.system}>
            <input type="hidden" name="intent" value="retry_export" />
            <input type="hidden" name="archiveId" value={archive.id} />
            <input type="hidden" name="system" value={p.system} />
            <BlockStack gap="100">
              {p.stalled && (
                <Text as="p" tone="caution" data-testid={`export-stalled-${p.system}`}>
                  {t("exports.stalled", { system: system(p.system) })}
                </Text>
              )}
              <InlineStack>
                <Button submit>{t("exports.retry", { system: system(p.system) })}</Button>
              </InlineStack>
            </BlockStack>
          </Form>
        ))}
    </BlockStack>
  );
}
