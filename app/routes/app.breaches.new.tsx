// Staff record a personal-data breach (GDPR art. 33(5)); the 72-hour clock starts from when the
// shop became aware of it.
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, Page, Text } from "@shopify/polaris";
import { BreachFactsFields } from "~/components/breach-facts-form";
import { withSearch } from "~/components/nav-items";
import { AppError } from "~/domain/errors";
import { appErrorResponse } from "~/http/app-error-response.server";
import type { MessageKey } from "~/i18n/translate";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { newBreachDefaults, recordBreach } from "~/services/breaches/breach-register.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  return newBreachDefaults(context.db, shop.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = await request.formData();
  try {
    const { id } = await recordBreach(context.db, shop, staffId, form.entries());
    const url = new URL(request.url);
    return redirect(`/app/breaches/${id}${url.search ? `${url.search}&` : "?"}recorded=1`);
  } catch (error) {
    if (error instanceof AppError) return appErrorResponse(error);
    throw error;
  }
}

export default function NewBreach() {
  const { timeZone, dpoContact, now } = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: false; error: string; fields?: string[] }>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { search } = useLocation();
  return (
    <Page
      title={t("breaches.new")}
      backAction={{ content: t("breaches.back"), url: withSearch("/app/breaches", search) }}
    >
      <BlockStack gap="400">
        {result ? (
          <div data-testid="result">
            <Banner tone="critical">{t(`appErrors.${result.error}` as MessageKey)}</Banner>
          </div>
        ) : null}
        <Card>
          <BlockStack gap="300">
            <Text as="p" tone="subdued">
              {t("breaches.clock.zone", { zone: timeZone })}
            </Text>
            <Form method="post">
              <BreachFactsFields
                values={{ awareAt: now, dpoContact }}
                fields={result?.fields}
                submitLabel={t("breaches.record")}
                busy={navigation.state === "submitting"}
              />
            </Form>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
