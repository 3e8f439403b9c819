/** Work done in slices, with pauses between them in which the requests that came in are answered. */

/**
 * How long work in steps (validation, resolving fix-all) runs before it lets other requests in: a
 * request that arrives meanwhile waits for the rest of the slice (see `letRequestsIn`), and a
 * pause costs a fraction of a millisecond.
 */
export const SLICE_MS = 5;

/**
 * How many turns of the event loop a pause lasts. A request read while work runs reaches its
 * handler two turns later: vscode-jsonrpc decodes it in one (its reader's `Semaphore`) and handles
 * its queue in the next, each a `setImmediate` behind those already waiting, which the work's own
 * next slice would be. Pausing for one turn, a request waited two more slices (about 20 ms in the
 * median with 5 ms slices); for three, it is answered before the next slice.
 */
const PAUSE_TURNS = 3;

/** Lets the requests that came in while work ran be answered; resolves when the work may go on. */
export async function letRequestsIn(timers: { setImmediate(callback: () => void): void } = { setImmediate }): Promise<void> {
  for (let turn = 0; turn < PAUSE_TURNS; turn++) await new Promise<void>((resolve) => timers.setImmediate(resolve));
}
