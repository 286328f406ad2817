export const PG_ADMIN_URL: string;
export const REDIS_URL: string;
/** null when PostgreSQL and Redis are ready for the tests, else one line saying what to run. */
export function checkTestServices(pgUrl?: string, redisUrl?: string): Promise<string | null>;
/** Rows of `sql` run as a local superuser of the server in `url` (socket or trust), or null when none works. */
export function asLocalSuperuser(url: string, sql: string): Promise<unknown[] | null>;
