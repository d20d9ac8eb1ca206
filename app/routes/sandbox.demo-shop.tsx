// Sandbox only: re-creates the demo shop after `shop/redact` deleted it, as on a first start, and
// forgets the purge so that sandbox webhooks are processed again.
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { getDb } from "~/db.server";
import { resolveLocale } from "~/i18n/locale";
import { getRuntime } from "~/runtime.server";
import { recreateDemoStore } from "~/sandbox/demo-store.server";

export async function action({ request }: ActionFunctionArgs) {
  const runtime = getRuntime();
  if (!runtime.sandbox) throw new Response("Not Found", { status: 404 });
  const form = await request.formData();
  const locale = resolveLocale(String(form.get("locale") ?? ""), request.headers.get("accept-language"));
  await recreateDemoStore(getDb(), runtime.sandbox, runtime.encryptionKey);
  return redirect(`/app?locale=${locale}`);
}

export const loader = () => redirect("/app");
