/**
 * JSON, streamed: the records of a top-level array, or of the envelope key json-format.ts would pick
 * (`value`, `members`, `result`, ... or `json.recordsPath` when it names a top-level key), parsed a batch
 * of elements at a time with JSON.parse; the envelope's other members are parsed whole (they are small)
 * for paging markers. What the streaming reader cannot settle the way `loadFile` does (a syntax error, a
 * nested recordsPath, an envelope whose records key turns out to be another) goes to the whole-file loader.
 */
import type { Issue } from '../../issues';
import type { RawRecord } from '../../types';
import { ENVELOPE_KEYS, findRecords, isObject } from '../json-envelope';
import { describeEnvelope } from '../json-format';
import { findPaging } from '../json-paging';
import type { ParseContext } from '../load-types';
import { jsonNonObjects, noRecords } from '../messages';
import { likelySeparator, scanElements, skipSpace, stringEnd, valueEnd } from './json-scan';
import type { TextReader } from './text-reader';
import { NeedsWholeFile, type RecordBatch, type StreamEnd } from './types';

type Phase = 'start' | 'members' | 'records' | 'after';

const ENVELOPE: ReadonlySet<string> = new Set(ENVELOPE_KEYS);

/** Characters of record text parsed per batch. */
const BATCH = 1 << 20;

/** Streams one JSON document; `head` is its first piece of text. */
export class JsonStream {
  private text: string;
  private pos = 0;
  private phase: Phase = 'start';
  private top: 'array' | 'object' = 'array';
  private afterValue = false;
  private members = 0;
  private readonly envelope: Record<string, unknown> = {};
  private recordsKey: string | null = null;
  /** Stands in for the streamed record array in the envelope (describeEnvelope and findPaging look at it). */
  private standIn: unknown[] = [];
  private strings: string[] | null = [];
  private count = 0;
  private readonly nonObjects: number[] = [];
  private readonly extraIssues: Issue[] = [];
  private raws: RawRecord[] = [];
  private rows: number[] = [];
  /** The last element was followed by a comma (so `]` right now would be a trailing comma). */
  private afterComma = false;
  /** findRecords found no record array in the envelope (its issue is in extraIssues). */
  private failed = false;
  /** A batch of records was parsed: step() returns so it is handed out first. */
  private batchFull = false;

  constructor(
    private readonly reader: TextReader,
    head: string,
    private readonly context: ParseContext,
  ) {
    this.text = head;
  }

  async *batches(): AsyncGenerator<RecordBatch> {
    let final = false;
    for (;;) {
      const full = this.step(final);
      if (this.raws.length > 0) yield this.take();
      // A full batch: more may be parsed from the text read so far before reading on.
      if (full) continue;
      if (final) break;
      const more = await this.reader.next();
      if (more === null) final = true;
      else {
        // Only the unread rest is kept: a partial element or member.
        this.text = this.text.slice(this.pos) + more;
        this.pos = 0;
      }
    }
    if (this.phase !== 'after') this.fail('the document ends early');
    this.settle();
    if (this.raws.length > 0) yield this.take();
  }

  private take(): RecordBatch {
    const batch = { raws: this.raws, rows: this.rows };
    this.raws = [];
    this.rows = [];
    return batch;
  }

  private fail(reason: string): never {
    throw new NeedsWholeFile(this.context.file, reason);
  }

  /** Advances through the text as far as it goes, or until a batch of records is full (returns true). */
  private step(final: boolean): boolean {
    for (;;) {
      const before = this.pos;
      const phase = this.phase;
      switch (phase) {
        case 'start':
          this.start();
          break;
        case 'members':
          this.member(final);
          break;
        case 'records':
          this.elements(final);
          break;
        case 'after':
          if (skipSpace(this.text, this.pos) < this.text.length) this.fail('text after the document');
          this.pos = this.text.length;
          return false;
      }
      if (this.batchFull) {
        this.batchFull = false;
        return true;
      }
      if (this.pos === before && this.phase === phase) return false;
    }
  }

  private start(): void {
    const i = skipSpace(this.text, this.pos);
    if (i >= this.text.length) return;
    const c = this.text[i];
    if (c === '[') {
      if (this.context.options.json?.recordsPath) this.fail('recordsPath over a top-level array');
      this.top = 'array';
      this.phase = 'records';
    } else if (c === '{') {
      this.top = 'object';
      this.phase = 'members';
    } else this.fail('not an array or object');
    this.pos = i + 1;
  }

  /** One member of the envelope: `"key": value` and what follows it. */
  private member(final: boolean): void {
    const { text } = this;
    const i = skipSpace(text, this.pos);
    if (i >= text.length) return;
    if (this.afterValue || (this.members === 0 && text[i] === '}')) {
      if (text[i] === '}') {
        this.phase = 'after';
        this.pos = i + 1;
      } else if (text[i] === ',' && this.afterValue) {
        this.afterValue = false;
        this.pos = i + 1;
      } else this.fail('expected , or } in the envelope');
      return;
    }
    if (text[i] !== '"') this.fail('expected a key in the envelope');
    const keyEnd = stringEnd(text, i);
    if (keyEnd === -1) return;
    // Through parse(): a key with a raw line break in it ("members: [\n) threw a SyntaxError out of the run (issue 8).
    const key = this.parse(text.slice(i, keyEnd)) as string;
    const colon = skipSpace(text, keyEnd);
    if (colon >= text.length) return;
    if (text[colon] !== ':') this.fail('expected : in the envelope');
    const v = skipSpace(text, colon + 1);
    if (v >= text.length) return;
    if (key === '__proto__' || Object.hasOwn(this.envelope, key)) this.fail('a repeated or special envelope key');
    if (this.recordsKey === null && text[v] === '[' && this.isRecordsKey(key)) {
      this.recordsKey = key;
      this.envelope[key] = this.standIn;
      this.members++;
      this.phase = 'records';
      this.pos = v + 1;
      return;
    }
    const end = valueEnd(text, v, final);
    if (end === -1) {
      if (final) this.fail('the document ends early');
      return;
    }
    this.envelope[key] = this.parse(text.slice(v, end));
    this.members++;
    this.afterValue = true;
    this.pos = end;
  }

  private isRecordsKey(key: string): boolean {
    const path = this.context.options.json?.recordsPath;
    return path ? key === path : ENVELOPE.has(key);
  }

  /** Record elements: batches cut at a likely separator, proved by JSON.parse; else scanned exactly. */
  private elements(final: boolean): void {
    const { text } = this;
    const start = this.pos;
    // Batches of about BATCH characters: the records of one batch are mapped and dropped before the next is
    // parsed, so they die young (a whole 8 MB piece at once outlives the young generation: GC time, RSS).
    const guess = likelySeparator(text, start, start + BATCH);
    if (guess > start) {
      let values: unknown[] | null = null;
      try {
        values = JSON.parse(`[${text.slice(start, guess)}]`) as unknown[];
      } catch {
        values = null;
      }
      if (values !== null) {
        this.add(values);
        this.pos = guess + 1;
        this.afterComma = true;
        this.batchFull = true;
        return;
      }
    }
    const scan = scanElements(text, start);
    if (scan.close !== -1) {
      if (text[scan.close] !== ']') this.fail('} closes the record array');
      const rest = text.slice(start, scan.close);
      if (rest.trim() !== '') this.add(this.parse(`[${rest}]`) as unknown[]);
      else if (this.afterComma) this.fail('a comma before ]');
      this.pos = scan.close + 1;
      this.phase = this.top === 'array' ? 'after' : 'members';
      this.afterValue = true;
      return;
    }
    if (scan.lastComma > start) {
      this.add(this.parse(`[${text.slice(start, scan.lastComma)}]`) as unknown[]);
      this.pos = scan.lastComma + 1;
      this.afterComma = true;
      this.batchFull = true;
      return;
    }
    if (final) this.fail('the document ends early');
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      return this.fail('not valid JSON');
    }
  }

  private add(values: unknown[]): void {
    for (const value of values) {
      const row = ++this.count;
      if (isObject(value)) {
        this.raws.push(value);
        this.rows.push(row);
      } else this.nonObjects.push(row);
      if (this.strings !== null) {
        if (typeof value === 'string') this.strings.push(value);
        else this.strings = null;
      }
    }
  }

  /** The document has ended: check the records key was the one findRecords picks, or find them now. */
  private settle(): void {
    if (this.top === 'array') return;
    const path = this.context.options.json?.recordsPath;
    if (this.recordsKey !== null) {
      const first = path ?? ENVELOPE_KEYS.find((k) => Array.isArray(this.envelope[k]));
      if (first !== this.recordsKey) this.fail('the records are under another key');
      this.standIn.push(...(this.strings !== null ? this.strings : this.count > 0 ? [null] : []));
      return;
    }
    if (path) this.fail('recordsPath not found');
    const found = findRecords(this.envelope, undefined, { source: this.context.source, file: this.context.file });
    if (!found.ok) {
      this.extraIssues.push(found.issue);
      this.failed = true;
      return;
    }
    this.extraIssues.push(...found.issues);
    this.standIn = found.items;
    this.add(found.items);
  }

  end(): StreamEnd {
    const at = { source: this.context.source, file: this.context.file };
    if (this.failed) return { issues: this.extraIssues, paging: { markers: [] } };
    const issues = [...this.extraIssues];
    if (this.nonObjects.length > 0) issues.push(jsonNonObjects(at, this.nonObjects, 'element'));
    if (this.count === this.nonObjects.length) issues.push(noRecords(at, 'json'));
    const envelope = this.top === 'array' ? null : this.envelope;
    const paging = findPaging(envelope, this.standIn, this.count);
    const info = describeEnvelope(envelope, this.standIn, this.context.options.json?.recordsPath, paging.markers, null);
    return { issues, paging, envelope: info };
  }
}
