import { ApiErrorCode, type FieldProblem } from '@listinglens/contracts';

/** Typed errors with stable codes; the global filter maps them to HTTP. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

export class ValidationError extends ApiError {
  constructor(fields: FieldProblem[]) {
    const first = fields[0];
    const summary = first ? `${first.field}: ${first.message}` : 'invalid request';
    super(400, ApiErrorCode.ValidationFailed, fields.length > 1 ? `${summary} (and ${fields.length - 1} more)` : summary, fields);
  }
}

export class NotFoundError extends ApiError {
  constructor(what: string, id: string) {
    super(404, ApiErrorCode.NotFound, `${what} ${id} does not exist`);
  }
}
