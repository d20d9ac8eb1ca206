// How a refused operation is answered: the one mapping from an AppError to a response (its status
// comes from its code; the text, from the `appErrors` catalogue, is chosen by the page in its language).
import { type AppError, httpStatusOf } from "~/domain/errors";

/** What an action answers when it refused: the code (the page shows `appErrors.<code>`) and the fields at fault. */
export type RefusedAction = { ok: false; error: AppError["code"]; fields: string[] };

export function appErrorResponse(error: AppError): Response {
  const body: RefusedAction = { ok: false, error: error.code, fields: error.fields };
  return Response.json(body, { status: httpStatusOf(error.code) });
}
