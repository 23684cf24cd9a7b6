/**
 * Prefix search over a run's roster without an IndexedDB index entry per term (record-index.ts says why):
 * every (term, position) pair, sorted by term, stored in pages of TERM_PAGE with a directory of each
 * page's first term. A prefix lookup is a binary search of the directory and one or two page reads.
 * Terms are the lower-cased email, display name, joining key and external ids of each user.
 */

export const TERM_PAGE = 4096;

export interface TermPage {
  terms: string[];
  seqs: Int32Array;
}

/** Terms of one chunk: `terms[i]` belongs to the row at `seqs[i]`. */
export interface TermChunk {
  terms: string[];
  seqs: Int32Array;
}

export interface TermIndex {
  /** First term of each page. */
  firsts: string[];
  pages: TermPage[];
}

/** Sorts every chunk's terms into pages (by term, then position). */
export function buildTermIndex(chunks: readonly TermChunk[]): TermIndex {
  const terms: string[] = [];
  const seqList: number[] = [];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.terms.length; i++) {
      terms.push(chunk.terms[i]);
      seqList.push(chunk.seqs[i]);
    }
  }
  const order = Uint32Array.from(terms.keys());
  order.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : seqList[a] - seqList[b]));
  const pages: TermPage[] = [];
  for (let at = 0; at < order.length; at += TERM_PAGE) {
    const slice = order.subarray(at, at + TERM_PAGE);
    pages.push({ terms: Array.from(slice, (i) => terms[i]), seqs: Int32Array.from(slice, (i) => seqList[i]) });
  }
  return { firsts: pages.map((page) => page.terms[0]), pages };
}

/** First index in sorted `items` whose value is >= `q`. */
function lowerBound(items: readonly string[], q: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid] < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Positions of the rows with a term starting with `prefix`, in term order, at most `limit`. Reads pages
 * through `page` (one stored row each), starting with the one the directory points at.
 */
export async function findPrefix(firsts: readonly string[], page: (index: number) => Promise<TermPage | undefined>, prefix: string, limit: number): Promise<number[]> {
  const found: number[] = [];
  if (firsts.length === 0 || limit <= 0) return found;
  // The page whose range holds the first term >= prefix: the last one starting before it.
  let p = Math.max(0, lowerBound(firsts, prefix) - 1);
  for (; p < firsts.length; p++) {
    const current = await page(p);
    if (!current) break;
    for (let i = lowerBound(current.terms, prefix); i < current.terms.length; i++) {
      if (!current.terms[i].startsWith(prefix)) return found;
      found.push(current.seqs[i]);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
