/**
 * A tiny seeded PRNG. We write our own (mulberry32 plus a 32-bit hash to derive seeds) instead of using a
 * package or Math.random because the generated files must stay byte-identical across Node, V8 and
 * dependency versions: the committed sample in examples/acme is checked against a fresh generation.
 */

/** Mixes numbers and strings into one 32-bit seed (FNV-1a over the parts, then a murmur3 finalizer). */
export function hashSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  const mix = (byte: number) => {
    h = Math.imul(h ^ byte, 0x01000193);
  };
  for (const part of parts) {
    if (typeof part === 'number') {
      const n = part >>> 0;
      mix(n & 0xff);
      mix((n >>> 8) & 0xff);
      mix((n >>> 16) & 0xff);
      mix(n >>> 24);
      // Numbers above 2^32 (large seeds) keep their high bits too.
      mix(Math.floor(part / 4294967296) & 0xff);
    } else {
      for (let i = 0; i < part.length; i++) mix(part.charCodeAt(i) & 0xffff);
    }
    mix(0x1f);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random helpers over one mulberry32 stream (a 32-bit state PRNG: fast, and good enough for test data,
 * not for cryptography). The state lives in the object, not a closure: millions of streams are made. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    return items[items.length - 1][0];
  }

  /** `n` characters drawn from `alphabet` (default base62). */
  chars(n: number, alphabet = BASE62): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}

/** The stream for one aspect (`stream`) of one item (`index`): each aspect of each person draws from its
 * own stream, so adding a draw to one never shifts the values of another. */
export function rngFor(seed: number, stream: string, index = 0): Rng {
  return new Rng(hashSeed(seed, stream, index));
}
