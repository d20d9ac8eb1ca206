// A shopper files a request in the storefront privacy centre (the theme block, through Shopify's
// app proxy as the sandbox simulates it), confirms it with the link in the e-mail, and staff see
// it in the queue with its legal due date.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";
import { eventually } from "../support/server";

describe.runIf(hasBrowser)("the storefront privacy centre in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser({ trackersChosen: true });
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  it("a guest files an erasure request, confirms it by the e-mailed link, and staff see it due in a month", async () => {
    const { page: shopper } = await sandbox.openPage("/sandbox/storefront", { locale: "fr" });
    await shopper.getByLabel(/Type de demande/).selectOption("erasure");
    await shopper.getByLabel(/Adresse e-mail/).fill("jeanne.durand@example.fr");
    await shopper.getByRole("button", { name: /Envoyer/ }).click();
    await expect.poll(() => shopper.getByTestId("received").textContent()).toContain("Droit à l'effacement");
    const reference = (await shopper.getByTestId("received").textContent())?.match(
      /R-\d{4}-[A-Z0-9]{5}/,
    )?.[0] as string;
    const request = await sandbox.db.rightsRequest.findFirstOrThrow({ where: { reference } });
    expect(request).toMatchObject({
      state: "identity_check",
      type: "erasure",
      requesterEmail: "jeanne.durand@example.fr",
      locale: "fr",
    });

    // The shopper opens the e-mail (the sandbox keeps it in the outbox) and follows its link.
    const email = await eventually(() =>
      sandbox.db.outboxEmail.findFirst({
        where: { requestId: request.id, template: "request.identity_code" },
      }),
    );
    const link = email.text.match(/https?:\/\/\S+\/confirm\?\S+/)?.[0] as string;
    expect(link).toContain("/sandbox/storefront/apps/privacy/confirm?");
    await shopper.goto(link.replace(/^https?:\/\/[^/]+/, sandbox.baseUrl));
    await shopper.getByRole("button", { name: "Confirmer" }).click();
    await expect.poll(() => shopper.getByTestId("message").textContent()).toContain(reference);
    expect(await sandbox.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      state: "in_progress",
    });

    const { page: staff } = await sandbox.openPage("/app/requests", { locale: "fr" });
    const row = staff.getByRole("row").filter({ has: staff.getByTestId(`request-${reference}`) });
    await expect.poll(() => row.textContent()).toContain("Droit à l'effacement");
    // The deadline in words from the shop's today (docs/decisions/065).
    const { formatDeadline, localDay } = await import("~/i18n/format-date");
    const due = formatDeadline(
      "fr",
      (await import("~/domain/deadlines/due-date")).computeDeadline({ receivedAt: request.receivedAt })
        .dueDate,
      localDay(new Date(), "Europe/Paris"),
    );
    expect(await row.textContent()).toContain(due);
    await staff.getByTestId(`request-${reference}`).click();
    await expect.poll(() => staff.getByText("Code envoyé par e-mail · réussie").count()).toBe(1);
    await shopper.close();
    await staff.close();
  });

  it("a guest records post-mortem directives with their own fields, a mistake keeps what was typed, and staff carrying out the request write them in the register", async () => {
    const { page: shopper } = await sandbox.openPage("/sandbox/storefront", { locale: "fr" });
    await shopper.getByLabel(/Type de demande/).selectOption("post_mortem_directive");
    // Only the chosen type's own fields are shown.
    expect(await shopper.getByLabel("Vos directives", { exact: true }).isVisible()).toBe(true);
    expect(await shopper.getByLabel(/^E-mail de la personne décédée/).isVisible()).toBe(false);
    const instructions = "Effacer mon compte, transmettre mes factures à ma fille Claire.";
    await shopper.getByLabel("Vos directives", { exact: true }).fill(instructions);
    await shopper.getByLabel(/^Personne chargée de les exécuter/).fill("Claire Martin");
    await shopper.getByLabel("Son e-mail", { exact: true }).fill("claire.martin@example.fr");
    await shopper.getByLabel(/Adresse e-mail/).fill("jean.martin@example.fr");
    // Forgets to tick the specific consent.
    await shopper.getByRole("button", { name: /Envoyer/ }).click();
    await expect.poll(() => shopper.getByTestId("error-specific_consent").count()).toBe(1);
    expect(await shopper.getByTestId("error-specific_consent").textContent()).toContain(
      "consentement donné pour elles",
    );
    // Nothing typed is lost.
    expect(await shopper.getByLabel("Votre demande").inputValue()).toBe("post_mortem_directive");
    expect(await shopper.getByLabel(/^Vos directives\s:/).inputValue()).toBe(instructions);
    expect(await shopper.getByLabel(/^Personne chargée de les exécuter/).inputValue()).toBe("Claire Martin");
    expect(await shopper.getByLabel("Son e-mail", { exact: true }).inputValue()).toBe(
      "claire.martin@example.fr",
    );
    expect(await shopper.getByLabel("Votre adresse e-mail").inputValue()).toBe("jean.martin@example.fr");
    await shopper.getByLabel(/^Je consens spécifiquement/).check();
    await shopper.getByRole("button", { name: /Envoyer/ }).click();
    await expect
      .poll(() => shopper.getByTestId("received").textContent())
      .toContain("Directives post mortem");
    const request = await sandbox.db.rightsRequest.findFirstOrThrow({
      where: { requesterEmail: "jean.martin@example.fr", type: "post_mortem_directive" },
    });
    expect(JSON.parse(request.details)).toEqual({
      type: "post_mortem_directive",
      action: "record",
      instructions,
      executor: { name: "Claire Martin", email: "claire.martin@example.fr" },
      specificConsent: true,
    });

    // The person confirms their address; staff answer: the directive is in the register.
    const email = await eventually(() =>
      sandbox.db.outboxEmail.findFirst({
        where: { requestId: request.id, template: "request.identity_code" },
      }),
    );
    const link = email.text.match(/https?:\/\/\S+\/confirm\?\S+/)?.[0] as string;
    await shopper.goto(link.replace(/^https?:\/\/[^/]+/, sandbox.baseUrl));
    await shopper.getByRole("button", { name: "Confirmer" }).click();
    await expect.poll(() => shopper.getByTestId("message").textContent()).toContain(request.reference);
    const { page: staff } = await sandbox.openPage(`/app/requests/${request.id}`, { locale: "fr" });
    await staff.getByLabel("Réponse au demandeur").fill("Vos directives sont enregistrées.");
    await staff.getByRole("button", { name: "Répondre" }).click();
    // Answering closes the request: staff confirm, told to whom it goes.
    await expect
      .poll(() => staff.getByRole("dialog").getByTestId("confirm-body").textContent())
      .toContain("Envoyer votre réponse par e-mail à j…@example.fr et clore la demande");
    await staff.getByRole("dialog").getByRole("button", { name: "Envoyer et clore" }).click();
    await expect.poll(() => staff.getByText("Registre des directives post mortem").count()).toBe(1);
    expect(await staff.getByTestId("directive-instructions").textContent()).toBe(instructions);
    expect(
      await sandbox.db.postMortemDirective.findFirstOrThrow({ where: { email: "jean.martin@example.fr" } }),
    ).toMatchObject({
      status: "in_force",
      instructions,
      requestId: request.id,
    });
    await shopper.close();
    await staff.close();
  });

  it("an heir files a request for the deceased, corrects a mistake without retyping, and staff see the directive as the first task", async () => {
    const { page: heir } = await sandbox.openPage("/sandbox/storefront", { locale: "en" });
    await heir.getByLabel(/Type of request/).selectOption("heir_request");
    expect(await heir.getByLabel(/^Deceased person's e-mail/).isVisible()).toBe(true);
    expect(await heir.getByLabel("Your directives", { exact: true }).isVisible()).toBe(false);
    await heir.getByLabel(/^Deceased person's e-mail/).fill("Jean.Martin@example.fr");
    await heir.getByLabel("close their account").check();
    await heir.getByLabel("give access to what the estate needs").check();
    await heir.getByLabel(/E-mail address/).fill("claire.martin@example.fr");
    await heir.getByLabel(/^Name/).fill("Claire Martin");
    // Forgets to say how she is related to the deceased.
    await heir.getByRole("button", { name: /Send/ }).click();
    await expect.poll(() => heir.getByTestId("error-heir_relationship").count()).toBe(1);
    expect(await heir.getByTestId("error-heir_relationship").textContent()).toContain(
      "Say how the heir is related to the deceased person",
    );
    expect(await heir.getByLabel("Your request").inputValue()).toBe("heir_request");
    expect(await heir.getByLabel(/^Deceased person's e-mail/).inputValue()).toBe("Jean.Martin@example.fr");
    expect(await heir.getByLabel("close their account").isChecked()).toBe(true);
    expect(await heir.getByLabel("stop all marketing to them").isChecked()).toBe(false);
    expect(await heir.getByLabel("give access to what the estate needs").isChecked()).toBe(true);
    expect(await heir.getByLabel("Your e-mail address").inputValue()).toBe("claire.martin@example.fr");
    expect(await heir.getByLabel("Your name (optional)").inputValue()).toBe("Claire Martin");
    await heir.getByLabel(/^Your relationship to the deceased person/).fill("daughter");
    await heir.getByRole("button", { name: /Send/ }).click();
    await expect.poll(() => heir.getByTestId("received").textContent()).toContain("Request from an heir");
    const request = await sandbox.db.rightsRequest.findFirstOrThrow({
      where: { requesterEmail: "claire.martin@example.fr", type: "heir_request" },
    });
    expect(JSON.parse(request.details)).toEqual({
      type: "heir_request",
      deceasedEmail: "jean.martin@example.fr",
      relationship: "daughter",
      scope: ["close_account", "estate_access"],
      deathProof: "missing",
      heirProof: "missing",
    });

    // Staff open the heir's request: the deceased's directive comes first, before any other task.
    const { page: staff } = await sandbox.openPage(`/app/requests/${request.id}`, { locale: "en" });
    const task = staff.getByTestId("directive-task");
    await expect.poll(() => task.textContent()).toContain("Follow the deceased's post-mortem directive");
    expect(await task.textContent()).toContain(
      "Effacer mon compte, transmettre mes factures à ma fille Claire.",
    );
    expect(await task.textContent()).toContain("Claire Martin (claire.martin@example.fr)");
    expect(await staff.getByText("daughter").count()).toBe(1);
    await heir.close();
    await staff.close();
  });

  it("staff enter an heir's letter with its own fields; a mistake is shown next to its field, nothing typed lost", async () => {
    const { page: staff } = await sandbox.openPage("/app/requests/new", { locale: "en" });
    await staff.getByLabel("Type", { exact: true }).selectOption("heir_request");
    // The letter came two days ago.
    await staff
      .getByLabel("Received on")
      .fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
    await staff.getByLabel("Requester's e-mail").fill("paul.heir@example.fr");
    await staff.getByLabel("Deceased person's e-mail").fill("jean.martin@example.fr");
    await staff.getByLabel("stop marketing").check();
    await staff.getByRole("button", { name: "File the request" }).click();
    await expect
      .poll(() => staff.getByText("Say how the heir is related to the deceased person").count())
      .toBe(1);
    expect(await staff.getByLabel("Requester's e-mail").inputValue()).toBe("paul.heir@example.fr");
    expect(await staff.getByLabel("Deceased person's e-mail").inputValue()).toBe("jean.martin@example.fr");
    expect(await staff.getByLabel("stop marketing").isChecked()).toBe(true);
    await staff.getByLabel("Heir's relationship to the deceased").fill("son");
    await staff.getByRole("button", { name: "File the request" }).click();
    await staff.waitForURL(/\/app\/requests\/(?!new)[^/?]+/);
    await expect
      .poll(() => staff.getByTestId("directive-task").textContent())
      .toContain("Effacer mon compte, transmettre mes factures à ma fille Claire.");
    expect(
      JSON.parse(
        (
          await sandbox.db.rightsRequest.findFirstOrThrow({
            where: { requesterEmail: "paul.heir@example.fr" },
          })
        ).details,
      ),
    ).toMatchObject({
      deceasedEmail: "jean.martin@example.fr",
      relationship: "son",
      scope: ["stop_marketing"],
    });
    await staff.close();
  });

  it("a signed-in customer confirms what they file, and is identified by their account", async () => {
    const { page } = await sandbox.openPage();
    await page.goto(`${sandbox.baseUrl}/sandbox/storefront/login?customer=7001`);
    await page.goto(sandbox.url("/sandbox/storefront", "en"));
    expect(await page.getByLabel(/E-mail address/i).inputValue()).toBe("camille.martin@example.fr");
    await page.getByLabel(/Type of request/).selectOption("access");
    await page.getByRole("button", { name: /Send/ }).click();
    await expect.poll(() => page.getByRole("button", { name: "Confirm and send" }).count()).toBe(1);
    expect(
      await sandbox.db.rightsRequest.count({ where: { requesterEmail: "camille.martin@example.fr" } }),
    ).toBe(0);
    await page.getByRole("button", { name: "Confirm and send" }).click();
    await expect.poll(() => page.getByTestId("received").count()).toBe(1);
    const request = await sandbox.db.rightsRequest.findFirstOrThrow({
      where: { requesterEmail: "camille.martin@example.fr" },
    });
    expect(request).toMatchObject({
      state: "in_progress",
      identityLevel: "verified",
      shopifyCustomerId: "7001",
      locale: "en",
    });
    await page.close();
  });
});
