/**
 * compose-name: fills an empty display_name from first_name and last_name, as "First Last" or
 * "Last, First"; with only one of them, that one. A display_name that is already set is kept.
 */
import { applyByUpdate, textOf, type Processor } from './types';

/** The display name for the format, or null when both parts are empty. */
export function composeName(first: string | null, last: string | null, format: 'first last' | 'last, first'): string | null {
  if (first && last) return format === 'first last' ? `${first} ${last}` : `${last}, ${first}`;
  return first ?? last ?? null;
}

export const composeNameProcessor: Processor<'compose-name'> = {
  type: 'compose-name',
  inputs: () => ['first_name', 'last_name'],
  outputs: () => ['display_name'],
  update(attrs, out, options) {
    if (textOf(attrs.display_name) !== null) return;
    out.display_name = composeName(textOf(attrs.first_name), textOf(attrs.last_name), options.format);
  },
  inPlace: () => true,
  apply: applyByUpdate<'compose-name'>((attrs, out, options, ctx) => composeNameProcessor.update(attrs, out, options, ctx)),
};
