import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { getRuntime } from "~/runtime.server";

// The app's home is the admin: embedded loads carry ?shop=…; the sandbox has its demo store.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (getRuntime().sandbox || url.searchParams.get("shop")) {
    throw redirect(`/app${url.search}`);
  }
  throw redirect("/auth/login");
}
