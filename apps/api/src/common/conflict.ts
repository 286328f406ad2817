import { ReviewConflict } from '@listinglens/data-access';
import { ApiErrorCode } from '@listinglens/contracts';
import { ApiError, NotFoundError } from './api-error';

/** Repository conflicts become 404 (gone or never there) or 409 (the state does not allow it). */
export async function mapConflicts<T>(what: string, id: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof ReviewConflict)) throw err;
    if (err.kind === 'missing') throw new NotFoundError(what, id);
    throw new ApiError(409, ApiErrorCode.Conflict, err.message);
  }
}
