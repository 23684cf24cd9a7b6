/**
 * ProposalBuilder: how a preset (or the guesser) writes a source configuration. It maps an attribute
 * only to a field the sample has, so a proposal never names a column the export lacks (an error for a
 * CSV) or a path none of its records carry (a warning for JSON); it sets a filter only when the
 * attributes the filter reads are mapped, and says so in a note otherwise.
 */
import { isIdentifier } from '../expr';
import { ENVELOPE_KEYS } from '../load';
import type { FilterConfig, ProcessorConfig } from '../project/schema';
import type { SystemKind } from '../types';
import { findColumn, hasField } from './sample';
import type { AttributeProposal, PresetSample, SourceProposal } from './types';

/** A column or path as an expression operand: `Work_Email`, or `field("Email Address [Required]")`. */
export function ref(column: string): string {
  return isIdentifier(column) ? column : `field(${JSON.stringify(column)})`;
}

/** A text literal for an expression. */
export const text = (value: string): string => JSON.stringify(value);

export class ProposalBuilder {
  readonly #mapping: Record<string, string> = {};
  readonly #attributes: AttributeProposal[] = [];
  readonly #filters: FilterConfig[] = [];
  readonly #notes: string[] = [];
  #externalId: AttributeProposal | null = null;

  constructor(
    readonly sample: PresetSample,
    readonly preset: { id: string; label: string; system: SystemKind },
  ) {}

  /** True when the sample has the column or path. A JSON file without records (an empty page) shows
   * no fields, so there the preset's documented fields are trusted (and build() says so). */
  has(path: string): boolean {
    return this.#blank() || hasField(this.sample, path);
  }

  #blank(): boolean {
    return this.sample.format !== 'csv' && this.sample.columns.length === 0;
  }

  /** True when the attribute is mapped. */
  mapped(attribute: string): boolean {
    return Object.hasOwn(this.#mapping, attribute);
  }

  /** The mapping entry of an attribute, when mapped. */
  entry(attribute: string): string | undefined {
    return this.#mapping[attribute];
  }

  #set(attribute: string, entry: string, confidence: number, reason: string): void {
    this.#mapping[attribute] = entry;
    const i = this.#attributes.findIndex((a) => a.attribute === attribute);
    const proposal = { attribute, entry, confidence, reason };
    if (i >= 0) this.#attributes[i] = proposal;
    else this.#attributes.push(proposal);
  }

  /** Maps `attribute` to the first of `paths` the sample has; returns the path used, or null. */
  field(
    attribute: string,
    paths: string | readonly string[],
    confidence = 1,
    reason?: string,
  ): string | null {
    const path = (typeof paths === 'string' ? [paths] : paths).find((p) => this.has(p));
    if (path === undefined) return null;
    this.#set(attribute, path, confidence, reason ?? `documented field "${path}"`);
    return path;
  }

  /** Maps `attribute` to the first column whose name matches one of `names` (case, spaces, `_` and a
   * bracketed suffix ignored); for exports whose headers vary by tenant, locale or version. */
  column(attribute: string, names: readonly string[], confidence = 0.9): string | null {
    const column = findColumn(this.sample, names);
    if (column === null) return null;
    this.#set(attribute, column, confidence, `column "${column}" matches by name`);
    return column;
  }

  /** Maps `attribute` to an expression when the sample has every field it reads. */
  expression(
    attribute: string,
    expression: string,
    reads: readonly string[],
    reason: string,
    confidence = 1,
  ): boolean {
    if (!reads.every((r) => this.has(r))) return false;
    this.#set(attribute, expression, confidence, reason);
    return true;
  }

  /** Sets the source's own id (a column, path or expression) when the sample has what it reads. */
  externalId(entry: string, reads: readonly string[], reason: string, confidence = 1): boolean {
    if (this.#externalId || !reads.every((r) => this.has(r))) return false;
    this.#externalId = { attribute: 'externalId', entry, confidence, reason };
    return true;
  }

  /** Adds a named exclude rule when every attribute it reads is mapped; otherwise notes why not. */
  filter(name: string, when: string, needs: readonly string[], enabled = true): boolean {
    const missing = needs.filter((a) => !this.mapped(a));
    if (missing.length > 0) {
      this.note(`No "${name}" filter: the export has no field for ${missing.join(', ')}.`);
      return false;
    }
    this.#filters.push({ name, when, enabled });
    return true;
  }

  note(line: string): void {
    this.#notes.push(line);
  }

  /** The usual processors for what is mapped: email normalization, names, country codes. */
  #processors(): ProcessorConfig[] {
    const out: ProcessorConfig[] = [];
    if (this.mapped('email')) out.push({ type: 'normalize-email', attributes: ['email'] });
    if (this.mapped('first_name') && this.mapped('last_name'))
      out.push({ type: 'compose-name', format: 'first last' });
    else if (this.mapped('display_name')) out.push({ type: 'split-name', from: 'display_name' });
    if (this.mapped('country')) out.push({ type: 'geocode', from: 'country' });
    return out;
  }

  build(): SourceProposal {
    if (this.#blank())
      this.note(
        "The file holds no records, so the mapping is the preset's documented one, unchecked against data.",
      );
    let id = this.#externalId;
    if (!id) {
      const fallback =
        this.#mapping.employee_id ??
        this.#mapping.email ??
        this.#mapping.user_name ??
        this.sample.columns[0] ??
        'id';
      id = {
        attribute: 'externalId',
        entry: fallback,
        confidence: 0.3,
        reason: 'no id field found; using a key field instead',
      };
      this.note(`No id field found: the source's own id falls back to "${fallback}".`);
    }
    const recordsKey = this.sample.envelope?.recordsKey;
    const unusualEnvelope = recordsKey && !(ENVELOPE_KEYS as readonly string[]).includes(recordsKey);
    return {
      source: {
        label: this.preset.label,
        system: this.preset.system,
        format: this.sample.format,
        ...(unusualEnvelope ? { json: { recordsPath: recordsKey } } : {}),
        externalId: id.entry,
        mapping: { ...this.#mapping },
        processors: this.#processors(),
        filters: this.#filters.map((f) => ({ ...f })),
        preset: this.preset.id,
      },
      attributes: [id, ...this.#attributes],
      notes: [...this.#notes],
    };
  }
}
