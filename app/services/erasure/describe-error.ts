/** A message staff can read; vendor errors carry status and code, never personal values. */
export const describeErasureError = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : "unknown error").slice(0, 300);
