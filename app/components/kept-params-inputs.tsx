// Hidden inputs that carry the admin's language and embedding onto a GET form's URL, as withSearch
// does for links.
import { KEPT_PARAMS } from "./nav-items";

export function KeptParamsInputs({ search }: { search: string }) {
  const current = new URLSearchParams(search);
  return KEPT_PARAMS.map((name) => {
    const value = current.get(name);
    return value ? <input key={name} type="hidden" name={name} value={value} /> : null;
  });
}
