/** `missing`: the review item or notice does not exist; `state`: it does, but its state refuses the change. */
export type ReviewConflictKind = 'missing' | 'state';

/** A review or notice change the repository refused; the message says why, for the client. */
export class ReviewConflict extends Error {
  constructor(
    readonly kind: ReviewConflictKind,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewConflict';
  }

  static missing(what: string, id: string): ReviewConflict {
    return new ReviewConflict('missing', `${what} ${id} does not exist`);
  }

  static state(message: string): ReviewConflict {
    return new ReviewConflict('state', message);
  }
}
