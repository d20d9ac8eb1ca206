/** The requests queue's tabs (shared by the page and its loader). */
export const QUEUE_FILTERS = ["open", "due_soon", "overdue", "paused", "closed", "all"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
