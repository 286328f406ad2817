import { Inject, Injectable } from '@nestjs/common';
import { TRANSPARENCY_DB_CONFIG, type TransparencyDbConfig } from './transparency-db-config';

/** What the database answered, or why it could not (status null). */
export interface TdbResponse {
  status: number | null;
  body: unknown;
}

/** POST /api/v1/statement with the platform's token: the database's API, behind one small seam. */
@Injectable()
export class TransparencyDbClient {
  constructor(@Inject(TRANSPARENCY_DB_CONFIG) private readonly config: TransparencyDbConfig) {}

  async submit(statement: Record<string, unknown>): Promise<TdbResponse> {
    try {
      const res = await fetch(`${this.config.TDB_API_URL}/api/v1/statement`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.config.TDB_API_TOKEN}`, accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify(statement),
        signal: AbortSignal.timeout(this.config.TDB_TIMEOUT_MS),
        redirect: 'error',
      });
      const text = await res.text();
      let body: unknown = text.slice(0, 2000);
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (a proxy's error page): keep the start of the text
      }
      return { status: res.status, body };
    } catch (err) {
      return { status: null, body: { message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) } };
    }
  }
}
