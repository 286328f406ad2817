import { type ArgumentMetadata, Param, ParseUUIDPipe } from '@nestjs/common';
import { z } from 'zod';
import { ValidationError } from './api-error';

const UUID_RULE = 'must be a UUID';

/** Ids in paths, as documented: any 8-4-4-4-12 hex string, as the API has always accepted (z.uuid() would also check the version digit). */
export const uuidParam = z.guid({ error: UUID_RULE });

/** The path-parameter schema for @ApiRoute when a route's parameters are all ids. */
export const uuidParams = <K extends string>(...names: K[]) => z.object(Object.fromEntries(names.map((n) => [n, uuidParam])) as Record<K, typeof uuidParam>);

/**
 * ParseUUIDPipe with no `version` accepts exactly what `uuidParam` documents (its `all` pattern is
 * 8-4-4-4-12 hex, case-insensitive). Lower-cased: some columns that hold ids are text (audit subjectId).
 */
export class UuidPipe extends ParseUUIDPipe {
  constructor(field: string) {
    super({ exceptionFactory: () => new ValidationError([{ field, message: UUID_RULE }]) });
  }

  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    return (await super.transform(value, metadata)).toLowerCase();
  }
}

/** `@UuidParam('id') id: string`: the path parameter, checked to be a UUID (a 400 naming it) and lower-cased. */
export const UuidParam = (name: string) => Param(name, new UuidPipe(name));
