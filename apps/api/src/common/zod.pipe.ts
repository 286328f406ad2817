import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { fieldProblems } from '@listinglens/contracts';
import { ValidationError } from './api-error';

/**
 * `@Body(new ZodPipe(schema))`, `@Query(new ZodPipe(schema))`: the parsed value, or a 400 naming every
 * offending field as a path ("images[3].url"). Give @ApiRoute the same schema: the document is made from it.
 * A missing query string is `{}`; a missing body is `{}` only with `{ optional: true }` (else a 400 on `(body)`).
 */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly options: { optional?: boolean } = {},
  ) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<T> {
    const absentIsEmpty = metadata.type === 'query' || this.options.optional;
    const input = absentIsEmpty ? (value ?? {}) : value;
    if (input === undefined || input === null || typeof input !== 'object') {
      throw new ValidationError([{ field: '(body)', message: 'a JSON object is required' }]);
    }
    const result = this.schema.safeParse(input);
    if (result.success) return result.data;
    throw new ValidationError(fieldProblems(result.error));
  }
}
