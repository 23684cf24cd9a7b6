/** Joining-key normalization: the same function builds keys in every source and the user id's input. */
import type { KeyNormalizer } from '../project/schema';
import type { Scalar } from '../types';

/** Normalizes a key value; returns null when nothing is left (a missing key). */
export function normalizeKey(value: Scalar | undefined, normalizers: readonly KeyNormalizer[]): string | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  let key = String(value);
  for (const step of normalizers) {
    switch (step) {
      case 'trim':
        key = key.trim();
        break;
      case 'lower':
        key = key.toLowerCase();
        break;
      case 'remove-whitespace':
        key = key.replace(/\s+/g, '');
        break;
      case 'strip-leading-zeros':
        key = key.replace(/^0+(?=.)/, '');
        break;
    }
  }
  return key === '' ? null : key;
}
