// One shopper's consent history, every event with its proof, and staff withdrawing their consent.
import { Badge, BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { ConfirmAction } from "~/components/confirm-action";
import type { Locale } from "~/i18n/locale";
import { type Translate, translateDynamic } from "~/i18n/translate";
import { type ConsentsView, statusTone } from "./kit";

export function SubjectTimelineCard(props: {
  timeline: NonNullable<ConsentsView["timeline"]>;
  locale: Locale;
  t: Translate;
  when: (iso: string | null) => string;
}) {
  const { timeline, locale, t, when } = props;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {timeline.subject.email}
          </Text>
          <Badge tone={statusTone(timeline.state?.status ?? "never")}>
            {t(`consents.states.${timeline.state?.status ?? "never"}` as never)}
          </Badge>
        </InlineStack>
        {(timeline.state?.status === "subscribed" || timeline.state?.status === "pending") && (
          <ConfirmAction
            intent="withdraw"
            fields={{ subjectId: timeline.subject.id }}
            label={t("consents.withdraw")}
            title={t("adminWalk.withdrawTitle")}
            confirm={t("adminWalk.withdrawConfirm")}
            critical
            testId="withdraw-consent"
            body={<Text as="p">{t("adminWalk.withdrawBody", { email: timeline.subject.email ?? "" })}</Text>}
          />
        )}
        <DataTable
          columnContentTypes={["numeric", "text", "text", "text", "text"]}
          headings={["#", t("consents.when"), t("consents.event"), t("consents.proof"), t("consents.synced")]}
          rows={timeline.events.map((e) => [
            e.seq,
            when(e.occurredAt),
            `${t(`consents.kinds.${e.kind}` as never)} · ${translateDynamic(locale, "consentSource", e.source)} · ${t(`consents.bases.${e.lawfulBasis}` as never)}`,
            <div key="p" style={{ whiteSpace: "normal", maxWidth: "28rem" }}>
              {e.wording && (
                <div>
                  « {e.wording} » ({e.wordingLocale})
                </div>
              )}
              <Text as="span" tone="subdued" variant="bodySm">
                {[
                  e.noticeVersion && `${t("consents.notice")} ${e.noticeVersion}`,
                  e.privacyNoticeVersion && t("consents.noticeInForce", { version: e.privacyNoticeVersion }),
                  e.orderId && `${t("consents.order")} ${e.orderId}`,
                  e.confirmsEventId &&
                    t("consents.confirms", {
                      seq: timeline.events.find((x) => x.id === e.confirmsEventId)?.seq ?? "?",
                    }),
                  e.ipPrefix && `IP ${e.ipPrefix}`,
                  e.userAgent,
                  e.actor && `${t("actor.staff")} ${e.actor}`,
                  e.pseudonymised && t("consents.pseudonymised"),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </div>,
            e.syncs.length === 0
              ? "—"
              : e.syncs.map((sync) => `${sync.system}: ${sync.outcome ?? sync.status}`).join(", "),
          ])}
        />
      </BlockStack>
    </Card>
  );
}
