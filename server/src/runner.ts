import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

/**
 * Runs a request handler so that a failure never takes the server down: a thrown error is
 * logged and answered with `fallback`; a cancelled request is answered as cancelled.
 */
export function runSafe<T>(
  connection: Connection,
  token: CancellationToken,
  what: string,
  fallback: T,
  handler: () => T,
): T | ResponseError<void> {
  if (token.isCancellationRequested) return cancelled();
  try {
    const result = handler();
    return token.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    connection.console.error(`${what} failed: ${describe(error)}`);
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
