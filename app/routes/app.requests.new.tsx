// Staff file a request received outside the privacy centre (by post, by e-mail…): its type, who
// asked, the day it was received in the shop's calendar, and each type's details
// (app/components/new-request/).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Page, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { withSearch } from "~/components/nav-items";
import { DirectiveFields } from "~/components/new-request/directive-fields";
import { HeirFields } from "~/components/new-request/heir-fields";
import { useTypeDetails } from "~/components/new-request/kit";
import { RecipientsAskedField, RestrictionGroundField } from "~/components/new-request/restriction-fields";
import { RectificationFields } from "~/components/rectification-fields";
import { parseLocalDate } from "~/domain/deadlines/local-date";
import { isAppError, isAppErrorCode } from "~/domain/errors";
import { REQUEST_TYPE_INFO, REQUEST_TYPES } from "~/domain/requests/request-types";
import { isArt19Type } from "~/domain/requests/restriction";
import { appErrorResponse } from "~/http/app-error-response.server";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  formDataToObject,
  parseRequestForm,
  type RequestFormField,
  RequestFormSchema,
} from "~/services/requests/request-form";
import { fileStaffRequest, receiptCalendar } from "~/services/requests/staff-intake.server";

const IntakeSchema = z.object({
  receivedOn: z.iso.date(),
  requesterLocale: z.enum(["fr", "en"]),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  // The shop's today, not the server's nor the browser's: receipt dates are its calendar days.
  return receiptCalendar(context.db, shop.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const raw = formDataToObject(await request.formData());
  // Fields and the type's details (a directive's text, an heir's deceased…), each error on its field.
  const form = parseRequestForm(raw);
  const intake = IntakeSchema.safeParse(raw);
  if (!form.ok || !intake.success) {
    const fields = [
      ...Object.keys(form.ok ? {} : form.errors),
      ...(intake.error?.issues ?? []).map((i) => String(i.path[0])),
    ];
    return Response.json({ error: "invalid", fields }, { status: 400 });
  }
  try {
    const created = await fileStaffRequest({
      db: context.db,
      links: context.links(shop.domain),
      shop,
      staffId,
      form: form.form,
      locale: intake.data.requesterLocale,
      receivedOn: parseLocalDate(intake.data.receivedOn),
    });
    const url = new URL(request.url);
    return redirect(withSearch(`/app/requests/${created.id}`, url.search));
  } catch (error) {
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }
}

export default function NewRequest() {
  const result = useActionData<{ error: string; fields: string[] }>();
  const calendar = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const [type, setType] = useState<string>("access");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  const [receivedOn, setReceivedOn] = useState<string>(calendar.today);
  const [requesterLocale, setRequesterLocale] = useState(locale);
  const { details, set } = useTypeDetails();
  const bad = (field: string) =>
    result?.fields.includes(field)
      ? field in RequestFormSchema.shape
        ? t(`requestForm.errors.${field as RequestFormField}`)
        : t("settings.invalidField")
      : undefined;
  const detailsProps = { details, set, t, bad };
  return (
    <Page
      title={t("requests.new")}
      backAction={{ content: t("requests.title"), url: withSearch("/app/requests", search) }}
    >
      <BlockStack gap="400">
        {result && (
          <Banner tone="critical">
            {isAppErrorCode(result.error)
              ? t(`appErrors.${result.error}`)
              : t(`requests.errors.${result.error as "invalid" | "future"}`)}
          </Banner>
        )}
        <Card>
          <Form method="post">
            <FormLayout>
              <Select
                label={t("requests.type")}
                name="type"
                value={type}
                onChange={setType}
                options={REQUEST_TYPES.map((value) => ({
                  value,
                  label: REQUEST_TYPE_INFO[value].label[locale],
                }))}
              />
              <FormLayout.Group>
                <TextField
                  label={t("requests.email")}
                  name="email"
                  type="email"
                  value={email}
                  onChange={setEmail}
                  autoComplete="off"
                  error={bad("email")}
                />
                <TextField
                  label={t("requests.name")}
                  name="name"
                  value={name}
                  onChange={setName}
                  autoComplete="off"
                />
              </FormLayout.Group>
              <FormLayout.Group>
                <TextField
                  label={t("requests.receivedOn")}
                  helpText={t("requests.receivedOnHelp", { timeZone: calendar.timeZone })}
                  name="receivedOn"
                  type="date"
                  max={calendar.today}
                  value={receivedOn}
                  onChange={setReceivedOn}
                  autoComplete="off"
                  error={bad("receivedOn")}
                />
                <Select
                  label={t("requests.language")}
                  name="requesterLocale"
                  value={requesterLocale}
                  onChange={(v) => setRequesterLocale(v as typeof locale)}
                  options={[
                    { value: "fr", label: "Français" },
                    { value: "en", label: "English" },
                  ]}
                />
              </FormLayout.Group>
              <TextField
                label={t("requests.message")}
                name="message"
                value={message}
                onChange={setMessage}
                multiline={3}
                autoComplete="off"
              />
              {type === "post_mortem_directive" && <DirectiveFields {...detailsProps} />}
              {type === "heir_request" && <HeirFields {...detailsProps} />}
              {type === "rectification" && <RectificationFields t={t} bad={bad as never} />}
              {type === "restriction" && <RestrictionGroundField {...detailsProps} />}
              {isArt19Type(type) && <RecipientsAskedField {...detailsProps} />}
              <Button submit variant="primary" loading={navigation.state === "submitting"}>
                {t("requests.create")}
              </Button>
            </FormLayout>
          </Form>
        </Card>
      </BlockStack>
    </Page>
  );
}
