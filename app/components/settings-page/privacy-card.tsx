// The shop's privacy settings: the DPO's address, the privacy notice, the time zone the deadlines
// use, double opt-in, and how long customers and prospects are kept.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { SettingsFormProps, SettingsView } from "./kit";

export function PrivacySettingsCard({
  privacy,
  t,
  bad,
  busy,
}: SettingsFormProps & { privacy: SettingsView["privacy"] }) {
  const [dpoEmail, setDpoEmail] = useState(privacy.dpoEmail ?? "");
  const [noticeUrl, setNoticeUrl] = useState(privacy.privacyNoticeUrl ?? "");
  const [noticeVersion, setNoticeVersion] = useState(privacy.noticeVersion);
  const [doubleOptIn, setDoubleOptIn] = useState(privacy.doubleOptIn);
  const [customerYears, setCustomerYears] = useState(String(privacy.retention.customerYearsAfterLastOrder));
  const [prospectYears, setProspectYears] = useState(String(privacy.retention.prospectYears));
  const [leadDays, setLeadDays] = useState(String(privacy.retention.repermissionLeadDays));
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="privacy" />
        <FormLayout>
          <TextField
            label={t("settings.dpoEmail")}
            name="dpoEmail"
            type="email"
            value={dpoEmail}
            onChange={setDpoEmail}
            autoComplete="email"
            error={bad("dpoEmail")}
          />
          <TextField
            label={t("settings.noticeUrl")}
            name="privacyNoticeUrl"
            type="url"
            value={noticeUrl}
            onChange={setNoticeUrl}
            autoComplete="off"
            error={bad("privacyNoticeUrl")}
          />
          <TextField
            label={t("settings.noticeVersion")}
            helpText={t("settings.noticeVersionHelp")}
            name="noticeVersion"
            value={noticeVersion}
            onChange={setNoticeVersion}
            autoComplete="off"
            error={bad("noticeVersion")}
          />
          <BlockStack gap="100">
            <Text as="p" variant="bodyMd">
              {t("settings.timeZone")}
            </Text>
            <Text as="p" variant="bodyMd" fontWeight="semibold">
              <span data-testid="shop-time-zone">
                {t(privacy.timeZoneFromShopifyAt ? "adminWalk.zoneFromShopify" : "adminWalk.zoneDefault", {
                  zone: privacy.timeZone,
                })}
              </span>
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              {t("adminWalk.zoneHelp")}
            </Text>
          </BlockStack>
          <Checkbox
            label={t("settings.doubleOptIn")}
            helpText={t("settings.doubleOptInHelp")}
            checked={doubleOptIn}
            onChange={setDoubleOptIn}
          />
          {doubleOptIn && <input type="hidden" name="doubleOptIn" value="on" />}
          <FormLayout.Group>
            <TextField
              label={t("settings.customerYears")}
              name="customerYearsAfterLastOrder"
              type="number"
              min={1}
              max={30}
              value={customerYears}
              onChange={setCustomerYears}
              autoComplete="off"
              error={bad("customerYearsAfterLastOrder")}
            />
            <TextField
              label={t("settings.prospectYears")}
              name="prospectYears"
              type="number"
              min={1}
              max={10}
              value={prospectYears}
              onChange={setProspectYears}
              autoComplete="off"
              error={bad("prospectYears")}
            />
            <TextField
              label={t("repermission.leadDays")}
              helpText={t("repermission.leadDaysHelp")}
              name="repermissionLeadDays"
              type="number"
              min={7}
              max={180}
              value={leadDays}
              onChange={setLeadDays}
              autoComplete="off"
              error={bad("repermissionLeadDays")}
            />
          </FormLayout.Group>
          <Button submit variant="primary" loading={busy("privacy")}>
            {t("settings.save")}
          </Button>
        </FormLayout>
      </Form>
    </Card>
  );
}
