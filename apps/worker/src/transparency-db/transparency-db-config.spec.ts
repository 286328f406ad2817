import { describe, expect, it } from 'vitest';
import { workerConfigSchema } from '../config';

const base = { DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/db', NODE_ENV: 'test', TDB_API_TOKEN: 't' };
const urlIssue = (env: Record<string, string>) => workerConfigSchema.safeParse({ ...base, ...env }).error?.issues.find((i) => i.path[0] === 'TDB_API_URL')?.message;

describe('TDB_API_URL carries the token', () => {
  it('is refused over http, except to loopback under NODE_ENV=test', () => {
    expect(urlIssue({ TDB_API_URL: 'http://transparency.dsa.ec.europa.eu' })).toMatch(/must be https/);
    expect(urlIssue({ TDB_API_URL: 'http://10.0.0.5:8080' })).toMatch(/must be https/);
    expect(urlIssue({ TDB_API_URL: 'http://127.0.0.1:9999', NODE_ENV: 'production' })).toMatch(/loopback host with NODE_ENV=test/);
    expect(urlIssue({ TDB_API_URL: 'http://127.0.0.1:9999' })).toBeUndefined();
    expect(urlIssue({ TDB_API_URL: 'http://[::1]:9999' })).toBeUndefined();
    expect(urlIssue({ TDB_API_URL: 'https://transparency.dsa.ec.europa.eu', NODE_ENV: 'production' })).toBeUndefined();
  });
});
