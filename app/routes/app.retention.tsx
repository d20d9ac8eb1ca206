import type { LoaderFunctionArgs } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";
import { requireAdmin } from "~/services/admin-auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function Section() {
  return <ComingSoon section="retention" />;
}
