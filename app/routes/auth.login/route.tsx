// Manual login (opening the app outside the Shopify admin): enter the shop's domain.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

async function attempt(request: Request, { shopify }: AppLoadContext) {
  if (!shopify) throw redirect("/app");
  const errors = await shopify.login(request);
  return { shopError: Boolean(errors?.shop) };
}

export const loader = ({ request, context }: LoaderFunctionArgs) => attempt(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => attempt(request, context);

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { locale, t } = useTranslation();
  const [shop, setShop] = useState("");
  const shopError = (actionData ?? loaderData).shopError;
  return (
    <AppProvider i18n={locale === "fr" ? polarisFr : polarisEn}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">
                {t("login.title")}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={t("login.shop")}
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={shopError ? t("login.invalidShop") : undefined}
              />
              <Button submit>{t("login.submit")}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
