/**
 * JSON saved together with its HTTP response headers (`curl -i`, a browser's "copy response", a proxy log):
 * `HTTP/1.1 200 OK`, header lines, a blank line, then the body. The headers are cut off; a `Link` header
 * with `rel="next"` (Okta, GitHub) is itself a next-page marker.
 */

/** The body without the header blocks, and what the headers said. */
export interface HttpStripped {
  body: string;
  /** Lines removed before the body (so syntax-error line numbers can be given for the whole file). */
  lines: number;
  /** The last status line, e.g. `HTTP/1.1 200 OK`; null when the text had no headers. */
  statusLine: string | null;
  /** A `Link: <...>; rel="next"` header was present. */
  nextLink: boolean;
}

const STATUS = /^HTTP\/\d(?:\.\d)? \d{3}/;
const LINK_NEXT = /^link:.*rel="?next"?/im;

/** Cuts every leading header block (a `100 Continue` or a proxy's `200 Connection established` may come
 * before the real one). Text that does not start with a status line comes back unchanged. */
export function stripHttpHeaders(text: string): HttpStripped {
  let body = text;
  let lines = 0;
  let statusLine: string | null = null;
  let nextLink = false;
  while (STATUS.test(body)) {
    const lf = body.indexOf('\n\n');
    const crlf = body.indexOf('\r\n\r\n');
    const cut = [lf, crlf].filter((i) => i >= 0).sort((a, b) => a - b)[0];
    const block = cut === undefined ? body : body.slice(0, cut);
    statusLine = block.split(/\r?\n/, 1)[0].trim();
    nextLink ||= LINK_NEXT.test(block);
    lines += block.split('\n').length + 1;
    body = cut === undefined ? '' : body.slice(cut + (cut === crlf ? 4 : 2));
  }
  return { body, lines, statusLine, nextLink };
}
