import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { supportedLocale, useLanguage, type Bundle } from './service/l10n';

/**
 * The message bundles the package ships (`l10n/bundle.l10n.<locale>.json`, beside `dist/`), read
 * by a server started on its own and by the command line; the extension's client hands the server
 * the bundle VS Code loaded for it instead.
 */
export function packagedBundle(locale: string | undefined, directory = join(__dirname, '..', 'l10n')): Bundle | undefined {
  const supported = supportedLocale(locale);
  if (supported === 'en') return undefined;
  try {
    return JSON.parse(readFileSync(join(directory, `bundle.l10n.${supported}.json`), 'utf8')) as Bundle;
  } catch {
    return undefined;
  }
}

/** Speaks `locale`, from the package's bundle. */
export function usePackagedLanguage(locale: string | undefined): void {
  useLanguage(locale, packagedBundle(locale));
}

/** The locale the environment asks for, as POSIX reads it: LC_ALL, then LC_MESSAGES, then LANG. */
export function environmentLocale(env: NodeJS.ProcessEnv): string | undefined {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined;
}
