/**
 * normalize-email: trim, lower-case, strip `mailto:` and surrounding `<...>` (also `Jane Doe <jane@x.com>`).
 *
 * A value that is still not an address afterwards (`n/a`, `-`, `none`, `TBD`) becomes null and is
 * counted: left as it is, one placeholder shared by many records would join them all as one person,
 * or flood the run with duplicate-key conflicts.
 */
import { applyByUpdate, textOf, type Processor } from './types';

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

/** The normalized address, or null when the value is not an e-mail address. */
export function normalizeEmail(value: string): string | null {
  let text = value.trim();
  const angle = /<([^<>]*)>\s*$/.exec(text);
  if (angle) text = angle[1].trim();
  text = text.replace(/^mailto:/i, '').trim().toLowerCase();
  return ADDRESS.test(text) && !text.startsWith('.') && !text.endsWith('.') ? text : null;
}

export const normalizeEmailProcessor: Processor<'normalize-email'> = {
  type: 'normalize-email',
  inputs: (o) => [...o.attributes],
  outputs: (o) => [...o.attributes],
  update(attrs, out, options, ctx) {
    for (const name of options.attributes) {
      const text = textOf(attrs[name]);
      if (text === null) continue;
      const email = normalizeEmail(text);
      if (email === null) ctx.warn?.('invalid-email', attrs[name]);
      out[name] = email;
    }
  },
  // A name listed twice would read its own output the second time.
  inPlace: (o) => new Set(o.attributes).size === o.attributes.length,
  apply: applyByUpdate<'normalize-email'>((attrs, out, options, ctx) => normalizeEmailProcessor.update(attrs, out, options, ctx)),
};
