// Informing the people (GDPR art. 34): the decision, the notice's progress once started, and before
// that the choice of audience, its preview and the confirmation that starts sending.
import { Form, useSubmit } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  FormLayout,
  Modal,
  ProgressBar,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import type { NoticePreview } from "~/services/breaches/breach-page.server";
import { DecisionForm, DecisionTaken } from "./decision-form";
import type { BreachCardProps } from "./kit";

export function InformationCard({ breach, t, busy, preview }: BreachCardProps & { preview?: NoticePreview }) {
  const submit = useSubmit();
  const [audience, setAudience] = useState<"all" | "list">("all");
  const [addresses, setAddresses] = useState("");
  const [modalOpen, setModalOpen] = useState(false);
  const open = breach.state !== "closed";
  const yes = t("breaches.information.required");
  const no = t("breaches.information.notRequired");
  const sendNotice = () => {
    setModalOpen(false);
    submit({ intent: "notice", audience, addresses }, { method: "post" });
  };
  return (
    <>
      <Card>
        <div data-testid="information">
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("breaches.information.title")}
            </Text>
            <Text as="p" tone="subdued">
              {t("breaches.information.help")}
            </Text>
            <DecisionTaken
              required={breach.informRequired}
              reasoning={breach.informReasoning}
              yes={yes}
              no={no}
            />
            {open && !breach.notice.status ? (
              <DecisionForm
                intent="information-decision"
                initial={breach.informRequired}
                reasoning={breach.informReasoning ?? ""}
                yes={yes}
                no={no}
                label={t("breaches.fields.informReasoning")}
                busy={busy("information-decision")}
              />
            ) : null}
            {breach.notice.status ? (
              <div data-testid="notice-progress">
                <BlockStack gap="200">
                  <Text as="p">
                    {t("breaches.information.progress", {
                      queued: breach.notice.queued,
                      total: breach.notice.total,
                      delivered: breach.notice.delivered,
                    })}
                  </Text>
                  <ProgressBar
                    progress={breach.notice.total ? (100 * breach.notice.queued) / breach.notice.total : 0}
                    size="small"
                  />
                  {breach.notice.status === "done" ? (
                    <Text as="p" tone="subdued">
                      {t("breaches.information.done")}
                    </Text>
                  ) : null}
                </BlockStack>
              </div>
            ) : null}
            {open && breach.informRequired && !breach.notice.status ? (
              <Form method="post">
                <input type="hidden" name="intent" value="preview" />
                <FormLayout>
                  <Select
                    label={t("breaches.information.audience")}
                    name="audience"
                    value={audience}
                    onChange={(value) => setAudience(value as "all" | "list")}
                    options={[
                      { value: "all", label: t("breaches.information.all") },
                      { value: "list", label: t("breaches.information.list") },
                    ]}
                  />
                  {audience === "list" ? (
                    <TextField
                      label={t("breaches.information.addresses")}
                      name="addresses"
                      value={addresses}
                      onChange={setAddresses}
                      multiline={4}
                      autoComplete="off"
                    />
                  ) : null}
                  <Button submit loading={busy("preview")}>
                    {t("breaches.information.preview")}
                  </Button>
                  {preview ? (
                    <div data-testid="preview">
                      <BlockStack gap="200">
                        <Text as="p">
                          {t("breaches.information.previewResult", {
                            total: preview.total,
                            fr: preview.byLocale.fr,
                            en: preview.byLocale.en,
                          })}
                        </Text>
                        {preview.unknown || preview.invalid ? (
                          <Text as="p" tone="subdued">
                            {t("breaches.information.previewSkipped", {
                              unknown: preview.unknown,
                              invalid: preview.invalid,
                            })}
                          </Text>
                        ) : null}
                        <Button
                          variant="primary"
                          tone="critical"
                          disabled={preview.total === 0}
                          onClick={() => setModalOpen(true)}
                        >
                          {t("breaches.information.send")}
                        </Button>
                      </BlockStack>
                    </div>
                  ) : null}
                </FormLayout>
              </Form>
            ) : null}
          </BlockStack>
        </div>
      </Card>
      {/* The modal renders in Polaris's portal, outside the card. */}
      {preview ? (
        <Modal
          open={modalOpen}
          onClose={() => setModalOpen(false)}
          title={t("breaches.information.modalTitle", { total: preview.total })}
          primaryAction={{
            content: t("breaches.information.confirm"),
            destructive: true,
            onAction: sendNotice,
            loading: busy("notice"),
          }}
          secondaryActions={[
            { content: t("breaches.information.cancel"), onAction: () => setModalOpen(false) },
          ]}
        >
          <Modal.Section>
            <div data-testid="notice-confirm">
              <Text as="p">
                {t("breaches.information.modalBody", {
                  total: preview.total,
                  fr: preview.byLocale.fr,
                  en: preview.byLocale.en,
                  subject: t("breaches.information.subject"),
                })}
              </Text>
            </div>
          </Modal.Section>
        </Modal>
      ) : null}
    </>
  );
}
