import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { auditPageSchema } from '@listinglens/contracts';
import { AuditRepository, type AuditView } from '@listinglens/data-access';
import { ZodPipe } from '../common/zod.pipe';
import { csvExport } from './csv-export';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { RequireScopes } from '../auth/scopes.decorator';

const query = z
  .object({
    after: z.string().regex(/^\d+$/, 'a sequence number').default('0').meta({ description: 'the last seq seen (`next` of the previous page)' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100).meta({ description: 'JSON pages only; exports have no cap' }),
    listingId: z.uuid().optional(),
    format: z.enum(['json', 'ndjson', 'csv']).default('json').meta({ description: 'ndjson and csv stream every row after `after`' }),
  })
  .strict();

const CSV_COLUMNS: Array<keyof AuditView> = ['seq', 'at', 'actorType', 'actor', 'action', 'listingId', 'subjectType', 'subjectId', 'reason', 'policyVersion', 'ruleId', 'shadow', 'data'];

/**
 * The append-only audit log. JSON pages by `after` (the last seq seen). `format=ndjson|csv` streams
 * every row from `after` to the end, page by page from the database: no row cap, constant memory.
 */
@ApiTag('audit')
@RequireScopes('admin', 'review')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiRoute({
    summary: 'Audit log: JSON pages (after, limit) or a full NDJSON/CSV export (format=ndjson|csv)',
    query,
    response: auditPageSchema,
    otherContent: {
      'application/x-ndjson': { schema: z.string(), description: 'format=ndjson: one AuditEntry as JSON per line' },
      'text/csv': { schema: z.string(), description: `format=csv: a header row (${CSV_COLUMNS.join(',')}), then one row per entry; data as JSON` },
    },
  })
  async read(@Query(new ZodPipe(query)) q: z.output<typeof query>, @Res() reply: FastifyReply) {
    const after = BigInt(q.after);
    if (q.format === 'json') {
      const items = await this.audit.page(after, q.limit, q.listingId);
      return reply.send({ items, next: items.length === q.limit ? items[items.length - 1].seq : null });
    }
    const rows = this.audit.all(after, q.listingId);
    const body = q.format === 'ndjson' ? Readable.from(ndjson(rows)) : csvExport(CSV_COLUMNS, rows);
    return reply
      .type(q.format === 'ndjson' ? 'application/x-ndjson' : 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit.${q.format}"`)
      .send(body);
  }
}

async function* ndjson(rows: AsyncIterable<AuditView>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}
