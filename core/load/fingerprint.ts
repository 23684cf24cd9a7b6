/**
 * The SHA-256 of an input file, recorded with every run so a later run can tell whether an export changed.
 * @noble/hashes is pure JavaScript, so the hash is the same in Node, the browser and workers.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** SHA-256 of the bytes as 64 lower-case hex digits. */
export function fingerprint(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
