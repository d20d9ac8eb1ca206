// Sandbox only: re-creates the demo shop after `shop/redact` deleted it, as on a first start, and
// forgets the purge so that sandbox webhooks are processed again.
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale";

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.sandbox) throw new Response("Not Found", { status: 404 });
  const form = await request.formData();
  const locale = resolveLocale(String(form.get("locale") ?? ""), request.headers.get("accept-language"));
  await context.sandbox.recreateDemoShop();
  return redirect(`/app?locale=${locale}`);
}

export const loader = () => redirect("/app");
