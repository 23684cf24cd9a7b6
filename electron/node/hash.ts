/**
 * SHA-256 hex of a short text with Node's native hash, for user ids (core's `hashKey` option): the same
 * digest as core/join/user-id.ts (a test checks both), several times faster over a million keys.
 */
import { createHash, hash } from 'node:crypto';

/** SHA-256 hex of the UTF-8 bytes of `text`. `crypto.hash` (Node 20.12+) avoids a Hash object per call. */
export const sha256Hex: (text: string) => string =
  typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text, 'utf8').digest('hex');
