// Every job the worker can run. A job type with rows in the queue must stay listed here.
import type { JobDefinition } from "./define-job";
import { processWebhook } from "./definitions/process-webhook.server";

export const JOBS: JobDefinition[] = [processWebhook as JobDefinition];
