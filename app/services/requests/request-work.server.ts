// What starts once a request is in progress (its requester identified): the export of an access
// or portability request; later issues add erasures and consent changes.
import type { RightsRequest } from "@prisma/client";
import type { Tx } from "~/db/client.server";
import { startExport } from "../exports/exports.server";

export async function startWork(tx: Tx, request: RightsRequest, shopDomain: string) {
  if (request.type === "access" || request.type === "portability") await startExport(tx, request, shopDomain);
}
