import type { Parameters } from 'fast-check';

/**
 * How hard the property tests try. `npm test` uses a fixed seed and the base run counts, so that
 * every run checks the same inputs in bounded time; `npm run fuzz` sets `FUZZ_SCALE` (a multiplier
 * of every run and edit count) and `FUZZ_SEED` (printed, so that a failure can be replayed).
 */
export const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 741_852_963;
const SCALE = process.env.FUZZ_SCALE !== undefined ? Number(process.env.FUZZ_SCALE) : 1;

/** The number of runs (or edits) for a base count, scaled for long runs. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * SCALE));
}

/**
 * A call that takes longer than this is taken for a hang. It guards against loops and runaway
 * backtracking; it is not a performance target, so it is set far above any normal call, and
 * grows with the document so that linear work on megabytes never trips it on a slow machine.
 */
export function hangGuardMs(text: string): number {
  return 2_000 * (1 + text.length / 2 ** 20);
}

/** fast-check parameters for `base` runs with the shared seed. */
export function fuzzParameters<T>(base: number, extra: Parameters<T> = {}): Parameters<T> {
  return { seed: SEED, numRuns: runs(base), ...extra };
}
