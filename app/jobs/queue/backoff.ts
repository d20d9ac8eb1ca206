/**
 * Delay before retry number `attempt` (1-based, the attempt that just failed): e^min(10, attempt)
 * seconds (2.7 s, 7.4 s, 20 s, … 6.1 h), times a jitter factor in [0.75, 1.25) so that jobs that
 * failed together (a vendor outage) do not all come back at the same instant.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.exp(Math.min(10, Math.max(1, attempt))) * 1000;
  return Math.round(base * (0.75 + random() * 0.5));
}
