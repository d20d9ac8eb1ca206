// Textes français pour l'équipe et les clients. Mêmes clés que en.ts (vérifié par tsc).
import type { Messages } from "./en";

export const fr: Messages = {
  app: { name: "Vigie" },
  nav: {
    dashboard: "Tableau de bord",
    requests: "Demandes",
    consents: "Consentements",
    retention: "Conservation",
    processing: "Registre des traitements",
    audit: "Journal d'audit",
    settings: "Paramètres",
  },
  sandbox: {
    title: "Bac à sable",
    body: "Boutique de démonstration {shop} : Shopify, Stripe et Mailchimp sont simulés et les e-mails restent dans la boîte d'envoi. Rien ne quitte cet ordinateur.",
  },
  dashboard: {
    title: "Tableau de bord",
    subjects: "Clients connus",
    auditEvents: "Événements d'audit",
    webhooks7d: "Webhooks reçus (7 jours)",
    jobsTitle: "File des tâches",
    jobsHelp:
      "Le travail en arrière-plan : traitement des webhooks, exports, effacements. Une tâche en échec est relancée à intervalles croissants ; après la dernière tentative, elle est morte et vous attend.",
    deadTitle: "Tâches mortes",
    deadEmpty: "Aucune tâche morte.",
    retry: "Relancer",
    retried: "Tâche remise en file.",
    retryFailed: "Cette tâche ne peut pas être relancée (elle n'est plus morte).",
    lastError: "Dernière erreur",
    attempts: "Tentatives",
    type: "Type",
    failedAt: "Échec le",
  },
  jobStatus: {
    pending: "En attente",
    running: "En cours",
    failed: "En échec (sera relancée)",
    succeeded: "Terminée",
    dead: "Morte",
  },
  coming: {
    badge: "Bientôt",
    requests: {
      title: "Demandes d'exercice des droits",
      body: "Accès, rectification, effacement, opposition, portabilité, directives post-mortem et demandes d'héritiers, avec leurs délais légaux (un mois calendaire, suspendu pendant la vérification d'identité, prorogeable avec un motif), une vérification d'identité proportionnée et les e-mails au client.",
    },
    consents: {
      title: "Registre des consentements",
      body: "Chaque consentement à la newsletter et chaque retrait avec sa preuve (libellé affiché, version de la politique, source, date), dans une chaîne infalsifiable, synchronisés avec Shopify et Mailchimp.",
    },
    retention: {
      title: "Conservation",
      body: "Des purges qui appliquent les durées de la politique : 10 ans après la dernière commande pour les clients, 3 ans pour les inscrits à la seule newsletter, factures conservées sous obligation légale.",
    },
    processing: {
      title: "Registre des traitements",
      body: "Le registre de l'article 30 du RGPD établi à partir de vos réglages : finalités, bases légales, destinataires (Stripe, Mailchimp), durées.",
    },
    settings: {
      title: "Paramètres",
      body: "Le contact de votre DPO, votre politique de confidentialité et les connexions Stripe et Mailchimp (clés chiffrées).",
    },
  },
  audit: {
    title: "Journal d'audit",
    help: "Chaque action sur des données personnelles, par qui et quand. Les entrées ne désignent les fiches que par leur identifiant.",
    time: "Date",
    actor: "Auteur",
    action: "Action",
    target: "Fiche",
    empty: "Aucun événement d'audit pour l'instant.",
    older: "Plus anciens",
    newest: "Plus récents",
  },
  actor: {
    system: "Vigie",
    staff: "Équipe",
    shopper: "Client",
    shopify: "Shopify",
    stripe: "Stripe",
    mailchimp: "Mailchimp",
  },
  auditAction: {
    "compliance.data_request.received": "Demande de données reçue de Shopify",
    "compliance.redact.received": "Demande d'effacement reçue de Shopify",
    "app.uninstalled": "Application désinstallée",
    "sandbox.created": "Bac à sable créé",
    "job.retried": "Tâche morte relancée",
  },
  login: {
    title: "Se connecter à Vigie",
    shop: "Domaine de la boutique",
    invalidShop: "Saisissez un domaine de boutique valide.",
    submit: "Se connecter",
  },
  errors: {
    title: "Une erreur est survenue",
    notFound: "Page introuvable",
    back: "Retour au tableau de bord",
  },
};
