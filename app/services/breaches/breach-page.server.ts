// The admin's breach page: the breach as the page shows it, and every action staff take there, each one
// call into the register or the notice service (the route only answers).
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { previewNotice, startNotice } from "./breach-notice.server";
import {
  breachDetail,
  closeBreach,
  decideInformation,
  decideNotification,
  editBreach,
  recordNotification,
} from "./breach-register.server";

type ShopRef = { id: string; domain: string };

/** One breach of the shop, serialisable; NOT_FOUND when it has none by that id. */
export async function loadBreachPage(db: Db, shopId: string, id: string) {
  const breach = await breachDetail(db, shopId, id);
  return {
    ...breach,
    awareAt: breach.awareAt.toISOString(),
    notifiedAt: breach.notifiedAt?.toISOString() ?? null,
    changes: breach.changes.map((change) => ({ ...change, at: change.at.toISOString() })),
  };
}

export type NoticePreview = {
  total: number;
  byLocale: { fr: number; en: number };
  unknown: number;
  invalid: number;
};
export type BreachActionResult = {
  ok: boolean;
  done?: "saved" | "unchanged" | "decided" | "notified" | "started" | "closed" | "preview";
  preview?: NoticePreview;
  error?: string;
  fields?: string[];
};

const text = (max: number) => z.string().max(max).default("");
const DecisionInput = z.object({ required: z.enum(["yes", "no"]), reasoning: text(5_000) });
const NotificationForm = z.object({
  notifiedAt: text(20),
  cnilReference: text(100),
  delayReasons: text(5_000),
});
const AudienceForm = z.discriminatedUnion("audience", [
  z.object({ audience: z.literal("all") }),
  z.object({ audience: z.literal("list"), addresses: z.string().max(400_000) }),
]);

/** Carries out the form sent from the breach page (its `intent`; none is an edit of the facts). */
export async function runBreachPageAction(
  db: Db,
  shop: ShopRef,
  staffId: string,
  id: string,
  form: FormData,
): Promise<BreachActionResult> {
  const fields = Object.fromEntries([...form].filter(([, value]) => typeof value === "string"));
  const parse = <S extends z.ZodType>(schema: S, at: string) => {
    const parsed = schema.safeParse(fields);
    if (!parsed.success) throw new AppError("REGISTER_ENTRY_INVALID", "breach action form", [at]);
    return parsed.data as z.infer<S>;
  };
  switch (form.get("intent")) {
    case "notification-decision":
      await decideNotification(db, shop, staffId, id, parse(DecisionInput, "reasoning"));
      return { ok: true, done: "decided" };
    case "notified":
      await recordNotification(db, shop, staffId, id, parse(NotificationForm, "notifiedAt"));
      return { ok: true, done: "notified" };
    case "information-decision":
      await decideInformation(db, shop, staffId, id, parse(DecisionInput, "informReasoning"));
      return { ok: true, done: "decided" };
    case "preview":
      return {
        ok: true,
        done: "preview",
        preview: await previewNotice(db, shop, id, parse(AudienceForm, "audience")),
      };
    case "notice":
      await startNotice(db, shop, staffId, id, parse(AudienceForm, "audience"));
      return { ok: true, done: "started" };
    case "close":
      await closeBreach(db, shop, staffId, id);
      return { ok: true, done: "closed" };
    default: {
      const changed = await editBreach(db, shop, staffId, id, form.entries());
      return { ok: true, done: changed.length > 0 ? "saved" : "unchanged" };
    }
  }
}
