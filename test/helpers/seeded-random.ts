/**
 * Randomness that can be replayed: the crash tests kill at random moments and pick random
 * conversations, and a failure is only worth something if the same choices can be made again.
 * The seed comes from PST_TEST_SEED, or is drawn at random; either way it is printed once per
 * process as `seed=N (replay with PST_TEST_SEED=N)`. Timing still varies between runs, but every
 * random choice is the same for the same seed.
 */
import { randomInt } from 'node:crypto';

/** mulberry32: a small, fast 32-bit PRNG, good enough for test choices (not for secrets). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let chosen: number | undefined;

/** The process's seed: PST_TEST_SEED if set (a 32-bit unsigned integer), else random; printed once. */
export function testSeed(): number {
  if (chosen === undefined) {
    const fromEnv = process.env.PST_TEST_SEED;
    if (fromEnv !== undefined && fromEnv !== '') {
      const value = Number(fromEnv);
      if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`PST_TEST_SEED must be an integer 0..4294967295, got ${fromEnv}`);
      chosen = value;
    } else {
      chosen = randomInt(0x100000000);
    }
    // stderr: the fault child's stdout is a line protocol.
    console.warn(`seed=${chosen} (replay with PST_TEST_SEED=${chosen})`);
  }
  return chosen;
}

export interface SeededRandom {
  /** Uniform in [0, 1), like Math.random(). */
  (): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T | undefined;
}

/**
 * A stream of its own per `name`, derived from the process's seed: concurrent users (the feeder,
 * the kill timer) then do not shift each other's choices when their interleaving differs.
 */
export function seededRandom(name: string, seed = testSeed()): SeededRandom {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const next = mulberry32((seed ^ hash) >>> 0);
  const random = (() => next()) as SeededRandom;
  random.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  random.pick = (items) => items[Math.floor(next() * items.length)];
  return random;
}
