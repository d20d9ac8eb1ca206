import { type LoaderFunctionArgs, redirect } from "@remix-run/node";

// The app's home is the admin: embedded loads carry ?shop=…; the sandbox has its demo store.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (context.sandbox || url.searchParams.get("shop")) {
    throw redirect(`/app${url.search}`);
  }
  throw redirect("/auth/login");
}
