// Types of scripts/lib/bench-readme.mjs for its test.
export type BenchResult = {
  name: string;
  database?: string;
  value: number | string;
  unit: string;
  target: string | number;
  met: boolean;
  load?: number;
};
export const START: string;
export const END: string;
export function mergeResults<T extends BenchResult>(previous: T[], fresh: T[]): T[];
export function benchTable(report: {
  machine: string;
  at: string;
  results: BenchResult[];
  failed?: string[];
}): string;
export function writeTable(readme: string, table: string): string;
