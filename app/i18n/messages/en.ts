// English texts for staff and shoppers. fr.ts must have exactly the same keys (checked by tsc).
export const en = {
  app: { name: "Vigie" },
  nav: {
    dashboard: "Dashboard",
    requests: "Requests",
    consents: "Consents",
    retention: "Retention",
    processing: "Record of processing",
    audit: "Audit log",
    settings: "Settings",
  },
  sandbox: {
    title: "Sandbox",
    body: "Demo store {shop}: Shopify, Stripe and Mailchimp are simulated and e-mails stay in the outbox. Nothing leaves this computer.",
  },
  dashboard: {
    title: "Dashboard",
    subjects: "Shoppers known",
    auditEvents: "Audit events",
    webhooks7d: "Webhooks received (7 days)",
    jobsTitle: "Job queue",
    jobsHelp:
      "Background work: webhook processing, exports, erasures. Failed jobs are retried with increasing delays; after the last attempt they are dead and wait for you.",
    deadTitle: "Dead jobs",
    deadEmpty: "No dead jobs.",
    retry: "Retry",
    retried: "Job queued again.",
    retryFailed: "This job cannot be retried (it is no longer dead).",
    lastError: "Last error",
    attempts: "Attempts",
    type: "Type",
    failedAt: "Failed at",
  },
  jobStatus: {
    pending: "Pending",
    running: "Running",
    failed: "Failed (will retry)",
    succeeded: "Succeeded",
    dead: "Dead",
  },
  coming: {
    badge: "Coming next",
    requests: {
      title: "Rights requests",
      body: "Access, rectification, erasure, objection, portability, post-mortem directives and heir requests, with their legal deadlines (one calendar month, paused while identity is checked, extendable with a reason), identity checks in proportion, and the e-mails to the shopper.",
    },
    consents: {
      title: "Consent ledger",
      body: "Every newsletter consent and withdrawal with its proof (wording shown, notice version, source, time), in a tamper-evident chain, kept in step with Shopify and Mailchimp.",
    },
    retention: {
      title: "Retention",
      body: "Sweeps that apply the policy's durations: 10 years after the last order for customers, 3 years for newsletter-only contacts, invoices kept under legal hold.",
    },
    processing: {
      title: "Record of processing",
      body: "The GDPR article 30 register drawn from your settings: purposes, lawful bases, recipients (Stripe, Mailchimp), durations.",
    },
    settings: {
      title: "Settings",
      body: "Your DPO contact, privacy notice, and the Stripe and Mailchimp connections (keys stored encrypted).",
    },
  },
  audit: {
    title: "Audit log",
    help: "Every action taken on personal data, by whom and when. Entries name records by id only.",
    time: "Time",
    actor: "Actor",
    action: "Action",
    target: "Record",
    empty: "No audit events yet.",
    older: "Older",
    newest: "Newest",
  },
  actor: {
    system: "Vigie",
    staff: "Staff",
    shopper: "Shopper",
    shopify: "Shopify",
    stripe: "Stripe",
    mailchimp: "Mailchimp",
  },
  auditAction: {
    "compliance.data_request.received": "Data request received from Shopify",
    "compliance.redact.received": "Erasure request received from Shopify",
    "app.uninstalled": "App uninstalled",
    "sandbox.created": "Sandbox created",
    "job.retried": "Dead job retried",
  },
  login: {
    title: "Log in to Vigie",
    shop: "Shop domain",
    invalidShop: "Enter a valid shop domain.",
    submit: "Log in",
  },
  errors: {
    title: "Something went wrong",
    notFound: "Page not found",
    back: "Back to the dashboard",
  },
};

export type Messages = typeof en;
