// Types of bench/lib.mjs for the TypeScript benches.
export type BenchDatabase = "sqlite" | "postgres";
export function benchDatabases(): BenchDatabase[];
export function postgresDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }>;
export function loadNow(): number;
export function freePort(): Promise<number>;
export function settle(maxSeconds?: number): Promise<number>;
