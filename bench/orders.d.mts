// Types of bench/orders.mjs for the TypeScript tests and benches.
export const SECRET: string;
export const SHOP: string;
export function order(n: number, options?: { createdAt?: Date }): Record<string, unknown>;
export function headers(body: string): Record<string, string>;
export function vigieEnv(dir: string, port: number, worker: boolean): Record<string, string>;
export type SignedDelivery = { body: string; headers: Record<string, string> };
export function signedOrders(count: number, idPrefix: string): SignedDelivery[];
export function orderSender(
  url: string,
  deliveries: SignedDelivery[],
  options: { ca?: Buffer; inFlight: number },
): Promise<{ sendAll(): Promise<void>; close(): void }>;
