export const SQLITE_SCHEMA: string;
export const POSTGRES_SCHEMA: string;
export const POSTGRES_CLIENT_DIR: string;
export function derivePostgresSchema(sqliteSchema: string): string;
export function readSqliteSchema(): string;
