import * as l10n from '@vscode/l10n';
import type { Connection } from 'vscode-languageserver';
import { pathOf } from './settings';

/**
 * A check running this long (wall time) shows that it runs: the first check of a large template or
 * policy takes a second or more, and until its findings come the editor would show nothing.
 */
export const PROGRESS_AFTER_MS = 500;

export interface Progress {
  done(): void;
}

/**
 * Shows a document's check as work in progress where the editor shows such work (VS Code: the
 * status bar), if it can; nothing otherwise.
 */
export function checkProgress(connection: Connection, uri: string): Progress {
  const reporter = connection.window.createWorkDoneProgress().then(
    (r) => {
      r.begin(l10n.t('Kinesis Policy'), undefined, l10n.t('Checking {0}', fileName(uri)));
      return r;
    },
    () => undefined,
  );
  return { done: () => void reporter.then((r) => r?.done()) };
}

/** The last part of a document's path: `stack.yaml`, `Untitled-1`. */
function fileName(uri: string): string {
  const path = pathOf(uri);
  return path.slice(path.lastIndexOf('/') + 1);
}
