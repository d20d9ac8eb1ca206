import type { RequestType } from "~/domain/requests/request-types";
import { SYSTEMS, type SystemName } from "~/domain/systems";

export type TaskSpec = {
  system: SystemName | "manual";
  kind: "export" | "erasure" | "consent" | "record";
};

/** The work each type of request needs, per system: what the request page tracks. */
export function tasksFor(type: RequestType): TaskSpec[] {
  switch (type) {
    case "access":
    case "portability":
      return SYSTEMS.map((system) => ({ system, kind: "export" }));
    case "erasure":
      return SYSTEMS.map((system) => ({ system, kind: "erasure" }));
    case "withdraw_consent":
    case "object_to_marketing":
      return [{ system: "vigie", kind: "consent" }];
    case "post_mortem_directive":
    case "restriction":
      return [{ system: "vigie", kind: "record" }];
    case "rectification":
    case "object":
    case "heir_request":
      return [{ system: "manual", kind: "record" }];
  }
}
