import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiErrorCode } from '@listinglens/contracts';
import { type ApiKeyPrincipal, HashListRepository, type HashListView } from '@listinglens/data-access';
import { commentLine, csvField, type ListedHashRecord, parseHashList } from '@listinglens/pdq';
import { ApiError, NotFoundError, ValidationError } from '../common/api-error';
import { uuidParams, UuidParam } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';
import {
  createHashListInput,
  exportQuery,
  hashListSchema,
  hashListsSchema,
  importReportSchema,
  removalSchema,
  removeHashesInput,
  updateHashListInput,
} from './hash-list.schemas';
import { HASH_LIST_MEDIA_TYPES } from './streamed-text';

const LIST_FORMAT = 'one PDQ hash (64 hex digits) per line, # comment lines (ThreatExchange/HMA); or CSV with a header naming pdq and optionally id and note';

/** Lists of known images (PDQ), shared with partners: admin keys only. README "Hash lists". */
@ApiTag('hash-lists')
@RequireScopes('admin')
@Controller('v1/hash-lists')
export class HashListsController {
  constructor(private readonly lists: HashListRepository) {}

  @Post()
  @ApiRoute({ summary: 'A new hash list (name, source, threshold 31 by default, action review by default)', body: createHashListInput, response: hashListSchema, errors: { 409: { code: ApiErrorCode.Conflict, when: 'a list of that name exists' } } })
  async create(@Body(new ZodPipe(createHashListInput)) body: z.output<typeof createHashListInput>, @Principal() who: ApiKeyPrincipal) {
    try {
      return await this.lists.create(body, who.keyId);
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') throw new ApiError(409, ApiErrorCode.Conflict, `name: a hash list named ${body.name} exists`);
      throw err;
    }
  }

  @Get()
  @ApiRoute({ summary: 'Every hash list with its number of hashes', response: hashListsSchema })
  async list() {
    return { items: await this.lists.list() };
  }

  @Get('reviewer-confirmed/hashes')
  @ApiRoute({
    summary: 'The images our reviewers confirmed, as a hash list to share: PDQ of each image of a confirmed review item (quality ≥ 50)',
    query: exportQuery,
    otherContent: { 'text/plain': { schema: z.string(), description: LIST_FORMAT }, 'text/csv': { schema: z.string(), description: 'pdq,id,note' } },
  })
  async confirmed(@Query(new ZodPipe(exportQuery)) q: z.output<typeof exportQuery>, @Res() reply: FastifyReply) {
    return sendList(reply, q.format, 'reviewer-confirmed', 'images confirmed by ListingLens reviewers', this.lists.confirmedImages());
  }

  @Get(':id')
  @ApiRoute({ summary: 'One hash list', params: uuidParams('id'), response: hashListSchema })
  async get(@UuidParam('id') id: string) {
    return (await this.lists.get(id)) ?? notFound(id);
  }

  @Patch(':id')
  @ApiRoute({ summary: 'Change a list\'s source, threshold, action, or enable/disable it (recorded in the audit log)', params: uuidParams('id'), body: updateHashListInput, response: hashListSchema })
  async update(@UuidParam('id') id: string, @Body(new ZodPipe(updateHashListInput)) body: z.output<typeof updateHashListInput>, @Principal() who: ApiKeyPrincipal) {
    return (await this.lists.update(id, body, who.keyId)) ?? notFound(id);
  }

  @Post(':id/hashes')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Import hashes into a list, streamed (1,000,000 and more): malformed lines are refused by line number, the valid ones kept',
    params: uuidParams('id'),
    bodyContent: { 'text/plain': { schema: z.string(), description: LIST_FORMAT }, 'text/csv': { schema: z.string(), description: 'a header naming pdq and optionally id and note, then one row per hash' } },
    response: importReportSchema,
  })
  async import(@UuidParam('id') id: string, @Req() request: FastifyRequest, @Principal() who: ApiKeyPrincipal) {
    const list = (await this.lists.get(id)) ?? notFound(id);
    const body = request.body;
    if (!(body instanceof Readable)) {
      throw new ValidationError([{ field: 'body', message: `send the list as ${HASH_LIST_MEDIA_TYPES.join(' or ')}: ${LIST_FORMAT}` }]);
    }
    // The iterator is taken now: readline drops lines emitted before one exists, and the first line
    // arrives while the import's transaction is being opened.
    const iterator = createInterface({ input: body, crlfDelay: Infinity })[Symbol.asyncIterator]();
    return this.lists.importHashes(list.id, parseHashList({ [Symbol.asyncIterator]: () => iterator }), who.keyId);
  }

  @Post(':id/hashes/remove')
  @HttpCode(200)
  @ApiRoute({ summary: 'Remove hashes from a list (recorded in the audit log with the hashes removed)', params: uuidParams('id'), body: removeHashesInput, response: removalSchema })
  async remove(@UuidParam('id') id: string, @Body(new ZodPipe(removeHashesInput)) body: z.output<typeof removeHashesInput>, @Principal() who: ApiKeyPrincipal) {
    const list = (await this.lists.get(id)) ?? notFound(id);
    return { removed: await this.lists.removeHashes(list.id, body.pdq.map((p) => p.toLowerCase()), who.keyId) };
  }

  @Get(':id/hashes')
  @ApiRoute({
    summary: 'Export a list in the form it is imported in (text: one hash per line; csv: pdq,id,note)',
    params: uuidParams('id'),
    query: exportQuery,
    otherContent: { 'text/plain': { schema: z.string(), description: LIST_FORMAT }, 'text/csv': { schema: z.string(), description: 'pdq,id,note' } },
  })
  async export(@UuidParam('id') id: string, @Query(new ZodPipe(exportQuery)) q: z.output<typeof exportQuery>, @Res() reply: FastifyReply) {
    const list: HashListView = (await this.lists.get(id)) ?? notFound(id);
    return sendList(reply, q.format, list.name, `source ${list.source}, threshold ${list.threshold}`, this.lists.entries(list.id));
  }
}

function notFound(id: string): never {
  throw new NotFoundError('hash list', id);
}

function sendList(reply: FastifyReply, format: 'text' | 'csv', name: string, about: string, rows: AsyncIterable<ListedHashRecord>) {
  const body = Readable.from(format === 'csv' ? csvLines(rows) : textLines(name, about, rows));
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.${format === 'csv' ? 'csv' : 'pdq.txt'}"`)
    .send(body);
}

async function* textLines(name: string, about: string, rows: AsyncIterable<ListedHashRecord>): AsyncGenerator<string> {
  yield commentLine(`ListingLens hash list "${name}": PDQ, one hash per line (${about})`);
  for await (const row of rows) yield `${row.pdq}\n`;
}

async function* csvLines(rows: AsyncIterable<ListedHashRecord>): AsyncGenerator<string> {
  yield 'pdq,id,note\n';
  for await (const row of rows) yield `${row.pdq},${csvField(row.externalId)},${csvField(row.note)}\n`;
}
