import type { Diagnostic } from 'vscode-languageserver-protocol';

/** Longer than any answer should take, so that a lost answer fails a session instead of hanging it. */
export const ANSWER_TIMEOUT_MS = 30_000;

/** What an editor shows: the diagnostics without the documentation links, which differ by where the docs are. */
export const shown = (ds: Diagnostic[]) => ds.map(({ range, severity, code, message }) => ({ range, severity, code, message }));

/** The answer, or a failure naming `what` once `ANSWER_TIMEOUT_MS` have passed without one. */
export function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
