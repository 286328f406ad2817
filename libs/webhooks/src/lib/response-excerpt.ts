/** How much of a receiver's answer is kept per attempt: enough to debug, never a stored blob. */
export const RESPONSE_EXCERPT_CHARS = 1_000;
/** Bytes read from a response at most; the rest is discarded unread. */
export const RESPONSE_READ_LIMIT_BYTES = 64 * 1024;

/**
 * The start of a response body as readable text: decoded as UTF-8, control characters (other than
 * newlines and tabs) replaced, cut at RESPONSE_EXCERPT_CHARS with an ellipsis. Null for an empty body.
 */
export function responseExcerpt(body: Buffer | string, maxChars = RESPONSE_EXCERPT_CHARS): string | null {
  const text = (typeof body === 'string' ? body : body.toString('utf8'))
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
    .trim();
  if (text === '') return null;
  const chars = Array.from(text);
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : text;
}
