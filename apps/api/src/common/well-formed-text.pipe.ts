import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { malformedTextProblems } from '@listinglens/contracts';
import { ValidationError } from './api-error';

/**
 * Runs on every body, query and path parameter before any controller sees it: NUL characters and lone
 * surrogates are refused with a 400 naming the field (they used to reach PostgreSQL and answer 500).
 * Query and path fields are named as the client wrote them (`cursor`, `sellerId`).
 */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const prefix = metadata.type === 'param' || (metadata.type === 'query' && metadata.data) ? (metadata.data ?? '') : '';
    const problems = malformedTextProblems(value, prefix);
    if (problems.length > 0) throw new ValidationError(problems);
    return value;
  }
}
