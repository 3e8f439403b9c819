import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient';

/** How many unexpected stops within the window are restarted before giving up. */
const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a server that stopped unexpectedly, telling the user once per session; after too many
 * stops in a short time it stays down and says how to start it again.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly stops: number[] = [];
  private told = false;

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.stops.push(now);
    while (this.stops.length > 0 && now - this.stops[0] > WINDOW_MS) this.stops.shift();
    if (this.stops.length > MAX_RESTARTS) {
      return {
        action: CloseAction.DoNotRestart,
        message: vscode.l10n.t('The Kinesis Policy language server stopped {0} times in a few minutes and was not restarted. Run "{1}" to try again.', this.stops.length, vscode.l10n.t('Kinesis Policy: Restart Language Server')),
        handled: false,
      };
    }
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage(vscode.l10n.t('The Kinesis Policy language server stopped unexpectedly and was restarted.'));
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
