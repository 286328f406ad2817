import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { AuditRepository, type AuditView } from '@listinglens/data-access';
import { parseBody } from '../common/zod-validation';
import { RequireScopes } from '../auth/scopes.decorator';

const query = z
  .object({
    after: z.string().regex(/^\d+$/, 'a sequence number').default('0'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    listingId: z.uuid().optional(),
    format: z.enum(['json', 'ndjson', 'csv']).default('json'),
  })
  .strict();

const CSV_COLUMNS: Array<keyof AuditView> = ['seq', 'at', 'actorType', 'actor', 'action', 'listingId', 'subjectType', 'subjectId', 'reason', 'policyVersion', 'ruleId', 'shadow', 'data'];

/**
 * The append-only audit log. JSON pages by `after` (the last seq seen). `format=ndjson|csv` streams
 * every row from `after` to the end, page by page from the database: no row cap, constant memory.
 */
@ApiTags('audit')
@ApiBearerAuth()
@RequireScopes('admin', 'review')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOperation({ summary: 'Audit log: JSON pages (after, limit) or a full NDJSON/CSV export (format=ndjson|csv)' })
  async read(@Query() raw: unknown, @Res() reply: FastifyReply) {
    const q = parseBody(query, raw ?? {});
    const after = BigInt(q.after);
    if (q.format === 'json') {
      const items = await this.audit.page(after, q.limit, q.listingId);
      return reply.send({ items, next: items.length === q.limit ? items[items.length - 1].seq : null });
    }
    const rows = this.audit.all(after, q.listingId);
    const lines = q.format === 'ndjson' ? ndjson(rows) : csv(rows);
    return reply
      .type(q.format === 'ndjson' ? 'application/x-ndjson' : 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit.${q.format}"`)
      .send(Readable.from(lines));
  }
}

async function* ndjson(rows: AsyncIterable<AuditView>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}

async function* csv(rows: AsyncIterable<AuditView>): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\n`;
  for await (const row of rows) yield `${CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
}

/**
 * One CSV cell. A cell starting with = + - @ tab or CR is a formula to a spreadsheet (OWASP CSV
 * injection): an appeal reason `=HYPERLINK(...)` came out live. Such cells get a leading `'` and quotes.
 */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const formula = /^[=+\-@\t\r]/.test(raw);
  const text = formula ? `'${raw}` : raw;
  return formula || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
