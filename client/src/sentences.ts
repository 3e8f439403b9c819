import * as vscode from 'vscode';

/** Sentences of one message, joined as the display language writes them: with a space, or none in Chinese. */
export function sentences(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(vscode.env.language.toLowerCase().startsWith('zh') ? '' : ' ');
}
