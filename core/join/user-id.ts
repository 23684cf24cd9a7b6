/**
 * The roster user id: SHA-256 hex of the normalized joining key. @noble/hashes gives byte-identical
 * results in Node, browsers and workers without WebCrypto's async API (which would force every stage to
 * be async just to hash a key).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256 hex of the UTF-8 bytes of `key` (already normalized). */
export function userIdOf(key: string): string {
  return bytesToHex(sha256(utf8ToBytes(key)));
}
