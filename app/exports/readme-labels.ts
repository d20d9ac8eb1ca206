// The fixed texts of README.html, each in both languages side by side so neither can be missing.
// Placeholders: {shop}, {system}, {section}, {contact}.
import type { Text } from "./system-info";

/** README.html's own texts (the per-system ones are in system-info.ts and section-info.ts). */
export const README_LABELS = {
  colon: { fr: " : ", en: ": " },
  title: { fr: "Vos données personnelles chez {shop}", en: "Your personal data held by {shop}" },
  reference: { fr: "Référence de la demande", en: "Request reference" },
  email: { fr: "Adresse e-mail", en: "E-mail address" },
  generatedAt: { fr: "Archive créée le", en: "Archive created on" },
  intro: {
    fr: "Cette archive répond à votre demande d'accès à vos données personnelles (RGPD art. 15). Elle contient toutes les données que la boutique {shop} détient sur vous dans chacun de ses systèmes et explique, pour chacun, pourquoi elles sont traitées et sur quelle base légale, combien de temps elles sont conservées, qui les reçoit et d'où elles viennent.",
    en: "This archive answers your request for access to your personal data (GDPR art. 15). It holds all the data {shop} keeps about you in each of its systems and explains, for each one, why it is processed and on what lawful basis, how long it is kept, who receives it and where it comes from.",
  },
  portability: {
    fr: "Les données que vous avez fournies vous-même sont comptées dans la colonne « Fournies par vous » et rassemblées dans portability.json, dans un format structuré et lisible par machine (JSON) que vous pouvez transmettre à un autre service (droit à la portabilité, RGPD art. 20).",
    en: "The data you provided yourself is counted in the “Provided by you” column and gathered in portability.json, in a structured, machine-readable format (JSON) that you can pass on to another service (right to data portability, GDPR art. 20).",
  },
  spreadsheets: {
    fr: "Les fichiers CSV s'ouvrent dans un tableur (import de texte, UTF-8, séparateur virgule). Un texte commençant par =, +, - ou @ y est précédé d'une apostrophe, pour qu'aucun tableur ne l'exécute comme une formule.",
    en: "The CSV files open in a spreadsheet (text import, UTF-8, comma-separated). Text starting with =, +, - or @ is preceded by an apostrophe there, so that no spreadsheet runs it as a formula.",
  },
  contents: { fr: "Contenu de l'archive", en: "What the archive contains" },
  fileColumn: { fr: "Fichier", en: "File" },
  contentColumn: { fr: "Contenu", en: "Contents" },
  files: {
    readme: { fr: "Cette page.", en: "This page." },
    system: {
      fr: "Toutes vos données chez {system}, en JSON, dans l'ordre où le système les a fournies ; chaque élément indique sa catégorie et s'il a été fourni par vous.",
      en: "All your data at {system}, in JSON, in the order the system gave it; each item gives its category and whether you provided it.",
    },
    csv: {
      fr: "La catégorie « {section} » de {system}, en tableau (CSV).",
      en: "The “{section}” category from {system}, as a table (CSV).",
    },
    portability: {
      fr: "Les seules données que vous avez fournies, par système et par catégorie (RGPD art. 20).",
      en: "Only the data you provided, by system and by category (GDPR art. 20).",
    },
    manifest: {
      fr: "La liste des fichiers avec leur taille, leur empreinte SHA-256 et le nombre d'éléments par catégorie, pour vérifier que l'archive est complète et intacte.",
      en: "The list of files with their size, SHA-256 fingerprint and the number of items per category, to check that the archive is complete and intact.",
    },
  },
  seeFile: { fr: "Fichier :", en: "File:" },
  sectionColumns: [
    { fr: "Catégorie", en: "Category" },
    { fr: "Ce qu'elle contient", en: "What it holds" },
    { fr: "Éléments", en: "Items" },
    { fr: "Fournis par vous", en: "Provided by you" },
    { fr: "Origine", en: "Source" },
  ],
  you: { fr: "Vous", en: "You" },
  // docs/decisions/047: said plainly, wherever Shopify's orders are listed.
  olderOrdersUnread: {
    fr: "Les commandes de plus de 60 jours n'ont pas pu être lues : Shopify n'a pas accordé à la boutique l'accès à tout l'historique des commandes (read_all_orders). Ce fichier ne contient que les commandes des 60 derniers jours ; la boutique peut vous communiquer les plus anciennes sur demande.",
    en: "Orders older than 60 days could not be read: Shopify has not granted the shop access to its whole order history (read_all_orders). This file holds only the orders of the last 60 days; the shop can give you the older ones on request.",
  },
  nothingHeld: {
    fr: "Ce système ne détient aucune donnée vous concernant.",
    en: "This system holds no data about you.",
  },
  purposes: { fr: "Finalités et bases légales", en: "Purposes and lawful bases" },
  retention: { fr: "Durée de conservation", en: "How long it is kept" },
  recipients: { fr: "Destinataires", en: "Recipients" },
  sources: { fr: "Origine des données", en: "Where the data comes from" },
  automatedDecision: {
    fr: "Décision automatisée (RGPD art. 22)",
    en: "Automated decision-making (GDPR art. 22)",
  },
  rights: {
    title: { fr: "Vos droits", en: "Your rights" },
    text: {
      fr: "Vous pouvez demander la rectification de données inexactes, l'effacement de vos données ou la limitation de leur traitement ; vous opposer à leur traitement, en particulier à la prospection commerciale ; retirer votre consentement à tout moment ; recevoir les données que vous avez fournies dans un format réutilisable (portabilité) ; et donner des directives sur le sort de vos données après votre décès. L'effacement ne s'applique pas aux factures et informations liées à vos commandes que la loi oblige à conserver.",
      en: "You can ask for inaccurate data to be corrected, for your data to be erased or for its processing to be restricted; object to its processing, in particular to direct marketing; withdraw your consent at any time; receive the data you provided in a reusable format (portability); and give instructions on what happens to your data after your death. Erasure does not extend to invoices and order information that the law requires us to keep.",
    },
    contact: {
      fr: "Pour exercer ces droits, écrivez à {contact}.",
      en: "To exercise these rights, write to {contact}.",
    },
    contactShop: {
      fr: "Pour exercer ces droits, contactez la boutique {shop}.",
      en: "To exercise these rights, contact {shop}.",
    },
    // France: the supervisory authority of the shops Vigie serves today.
    complaint: {
      fr: "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL : https://www.cnil.fr/",
      en: "If you believe your rights are not respected, you can lodge a complaint with the CNIL (the French data protection authority): https://www.cnil.fr/",
    },
  },
} satisfies Record<string, Text | Text[] | Record<string, Text>>;
