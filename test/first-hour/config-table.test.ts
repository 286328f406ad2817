import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiConfigSchema } from '../../apps/api/src/config';
import { workerConfigSchema } from '../../apps/worker/src/config';

type Schema = z.ZodType & { in?: z.ZodObject };
const SCHEMAS: Record<'api' | 'worker', Schema> = { api: apiConfigSchema, worker: workerConfigSchema };
/** Cells that document "no default": required, unset, or worked out at run time (cores). */
const NO_DEFAULT = new Set(['—', '(none)', '(none: off)', '(off)', 'cores', 'example key in development/test only']);

interface Documented {
  variable: string;
  app: string;
  text: string;
}

/** README "Configuration": one entry per (variable, app). A row with several variables gives one default
 * each; one variable in several apps may give one default per app ("10, 12"). `WEBHOOK_*` stays a pattern. */
function readTable(readme: string): Documented[] {
  const start = readme.indexOf('| variable | app | default | meaning |');
  const lines = readme.slice(start).split('\n').slice(2);
  const rows = lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
  return rows.flatMap((row) => {
    const [names, apps, defaults] = row.slice(1, -1).split(' | ').map((c) => c.trim());
    const variables = [...names.matchAll(/`([A-Z0-9_]+\*?)`/g)].map((m) => m[1]);
    const appList = apps.split(',').map((a) => a.trim());
    const parts = defaults.split(', ');
    return variables.flatMap((variable, v) =>
      appList.map((app, a) => {
        const text = parts.length === variables.length ? parts[v] : variables.length === 1 && parts.length === appList.length ? parts[a] : parts.length === 1 ? parts[0] : undefined;
        if (text === undefined) throw new Error(`README row for ${variable}: cannot tell which of "${defaults}" is whose`);
        return { variable, app, text: text.replaceAll('`', '') };
      }),
    );
  });
}

/** The environment value a documented default stands for ("20 MiB", "50 000 000", "0 (off)"). */
function envValue(text: string): string {
  const mib = /^(\d+) MiB$/.exec(text);
  if (mib) return String(Number(mib[1]) * 1024 * 1024);
  if (/^\d{1,3}( \d{3})+$/.test(text)) return text.replaceAll(' ', '');
  return text.replace(/\s*\((off|none)[^)]*\)$/, '');
}

const readme = readFileSync('README.md', 'utf8');
const envExample = Object.fromEntries(
  [...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
);
const table = readTable(readme);
// Enough for both schemas to parse outside development: a database and a key that is not the example's.
const BASE_ENV = { DATABASE_URL: 'postgresql://u@127.0.0.1:5432/db', WEBHOOK_SECRET_KEYS: `k1:${randomBytes(32).toString('base64')}` };

function schemaKeys(app: keyof typeof SCHEMAS): string[] {
  const shape = (SCHEMAS[app].in ?? (SCHEMAS[app] as unknown as z.ZodObject)).shape;
  return Object.keys(shape);
}

/** The parsed value of `variable` when it is unset, and when it is set to `value`. */
function parseWith(app: keyof typeof SCHEMAS, variable: string, value?: string) {
  const env: Record<string, string> = { ...BASE_ENV };
  delete env[variable];
  if (value !== undefined) env[variable] = value;
  const parsed = SCHEMAS[app].safeParse(env);
  return parsed.success
    ? { ok: true as const, value: (parsed.data as Record<string, unknown>)[variable] }
    : { ok: false as const, issues: parsed.error.issues.map((i) => String(i.path[0])) };
}

function documentedFor(app: string, variable: string): Documented | undefined {
  const rows = table.filter((d) => d.app === app);
  return rows.find((d) => d.variable === variable) ?? rows.find((d) => d.variable.endsWith('*') && variable.startsWith(d.variable.slice(0, -1)));
}

describe('README "Configuration" matches the apps\' config schemas', () => {
  it('reads the table', () => {
    expect(table.length).toBeGreaterThan(40);
  });

  for (const app of ['api', 'worker'] as const) {
    it(`every variable the ${app} reads is in the table for the ${app}`, () => {
      expect(schemaKeys(app).filter((v) => !documentedFor(app, v))).toEqual([]);
    });

    it(`every variable the table gives the ${app} is one its schema reads`, () => {
      const keys = new Set(schemaKeys(app));
      const unknown = table.filter((d) => d.app === app && !d.variable.endsWith('*') && !keys.has(d.variable));
      expect(unknown.map((d) => d.variable)).toEqual([]);
    });

    it(`every default documented for the ${app} is the schema's`, () => {
      const wrong: string[] = [];
      for (const variable of schemaKeys(app)) {
        const doc = documentedFor(app, variable);
        if (!doc) continue; // reported by the test above
        const unset = parseWith(app, variable);
        if (NO_DEFAULT.has(doc.text)) {
          // Unset stays unset (or empty), or the app refuses to start naming the variable.
          const none = unset.ok ? unset.value === undefined || unset.value === '' : unset.issues.includes(variable);
          if (!none) wrong.push(`${variable}: README "${doc.text}", schema ${JSON.stringify(unset)}`);
          continue;
        }
        // "see .env.example": the value .env.example sets is the default.
        const text = doc.text === 'see .env.example' ? envExample[variable] : envValue(doc.text);
        if (text === undefined) {
          wrong.push(`${variable}: README sends to .env.example, which does not set it`);
          continue;
        }
        const set = parseWith(app, variable, text);
        if (!unset.ok || !set.ok || JSON.stringify(set.value) !== JSON.stringify(unset.value)) {
          wrong.push(`${variable}: README "${doc.text}" gives ${JSON.stringify(set)}, the schema's default is ${JSON.stringify(unset)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
