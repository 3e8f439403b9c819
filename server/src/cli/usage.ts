import * as l10n from '@vscode/l10n';
import { currentLanguage } from '../service/l10n';

/** A command line the CLI cannot run: reported with the usage, exit status 2. */
export class UsageError extends Error {}

/** Runs Node's argument parser, whose messages name the option and what is wrong with it. */
export function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(l10n.t('{0} takes {1}, not "{2}".', flag, choices(allowed), value));
  return value as T;
}

/** Values one of which is meant, as the language lists them: `a, b, c`; in Chinese `a、b、c`. */
export function choices(values: readonly string[]): string {
  return values.join(currentLanguage() === 'zh-cn' ? '、' : ', ');
}
