// The demo shop's breach register, so its page is not empty: a tracking e-mail sent to the wrong
// customer 40 days ago, notified to the CNIL the next day (within the 72 hours), the people not
// informed (no high risk, with why), closed. Written once, through the register's own services.
import type { Db } from "~/db/client.server";
import { toLocalDateTime } from "~/domain/deadlines/local-date";
import {
  closeBreach,
  decideInformation,
  decideNotification,
  recordBreach,
  recordNotification,
} from "~/services/breaches/breach-register.server";

const HOUR = 3_600_000;
const STAFF = "sandbox-staff";

export async function seedDemoBreach(db: Db, shop: { id: string }, timeZone: string, now: Date) {
  if ((await db.breach.count({ where: { shopId: shop.id } })) > 0) return;
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const local = (hoursAgo: number) => toLocalDateTime(ago(hoursAgo), timeZone);
  const { id } = await recordBreach(
    db,
    shop,
    STAFF,
    Object.entries({
      title: "E-mail de suivi envoyé à la mauvaise cliente",
      "nature.fr":
        "Un e-mail de suivi de commande, saisi à la main par le service client, a été envoyé à une autre cliente : il contenait le nom, l'adresse de livraison et le numéro de commande d'une cliente.",
      "nature.en":
        "An order tracking e-mail, typed by customer service, was sent to another customer: it held one customer's name, delivery address and order number.",
      "subjectCategories.fr": "Clientes et clients",
      "subjectCategories.en": "Customers",
      "dataCategories.fr": "Identité, adresse de livraison, numéro de commande",
      "dataCategories.en": "Identity, delivery address, order number",
      approxSubjects: "1",
      approxRecords: "1",
      dpoContact: "contact@imera-paris.com",
      "consequences.fr": "L'adresse de la cliente a pu être lue par une autre personne.",
      "consequences.en": "The customer's address may have been read by someone else.",
      "measures.fr":
        "La destinataire a confirmé par écrit avoir supprimé le message ; les e-mails de suivi ne sont plus saisis à la main.",
      "measures.en":
        "The recipient confirmed in writing that she deleted the message; tracking e-mails are no longer typed by hand.",
      awareAt: local(40 * 24),
      occurredAt: local(40 * 24 + 3),
    }),
    ago(40 * 24),
  );
  await decideNotification(
    db,
    shop,
    STAFF,
    id,
    {
      required: "yes",
      reasoning: "Une adresse postale communiquée à un tiers : un risque pour la cliente ne peut être exclu.",
    },
    ago(40 * 24 - 2),
  );
  await recordNotification(
    db,
    shop,
    STAFF,
    id,
    { notifiedAt: local(39 * 24), cnilReference: "NOTIF-DEMO-0001", delayReasons: "" },
    ago(39 * 24 - 1),
  );
  await decideInformation(
    db,
    shop,
    STAFF,
    id,
    {
      required: "no",
      reasoning:
        "Pas de risque élevé : une seule destinataire, identifiée, qui a supprimé le message (art. 34(3)(b)).",
    },
    ago(39 * 24 - 2),
  );
  await closeBreach(db, shop, STAFF, id, ago(38 * 24));
}
