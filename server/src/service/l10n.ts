import * as l10n from '@vscode/l10n';

/**
 * The language of the service's messages. Each message is written in English in the source as
 * `l10n.t('... {0} ...', value)` (`@vscode/l10n`), and found in the bundle of the display language
 * when there is one: `l10n/bundle.l10n.<locale>.json`, made from the source by `npm run l10n` and
 * translated there. The editor's client hands the server its bundle; a server started on its own,
 * and the command line, read it from the package (see `server/src/l10nFiles.ts`). Rule codes, IAM
 * names and the IAM data's own text are never translated.
 */

export type Bundle = Record<string, string | { message: string; comment: string[] }>;

/** The locales the product has a bundle for, besides English. */
export const LOCALES = ['zh-cn'] as const;

let language = 'en';

/**
 * The locale a language tag asks for among those the product speaks: `zh-CN`, `zh_CN.UTF-8`,
 * `zh-Hans` and `zh` are `zh-cn`; anything else is English.
 */
export function supportedLocale(tag: string | undefined): 'en' | (typeof LOCALES)[number] {
  const normalized = (tag ?? '').toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  if (normalized === 'zh' || normalized === 'zh-cn' || normalized === 'zh-sg' || normalized.startsWith('zh-hans')) return 'zh-cn';
  return 'en';
}

/** Speaks `locale` from now on, with the bundle of its messages (English needs none). */
export function useLanguage(locale: string | undefined, bundle?: Bundle): void {
  language = supportedLocale(locale);
  l10n.config({ contents: language === 'en' || !bundle ? {} : bundle });
}

/** The locale messages are in: `en` or `zh-cn`. */
export function currentLanguage(): string {
  return language;
}

/** Sentences of one message, joined as the language writes them: with a space in English, none in Chinese. */
export function sentences(...parts: (string | false | undefined | null)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(language === 'zh-cn' ? '' : ' ');
}

/** Names in a row, without a conjunction: `a, b, c`; in Chinese `a、b、c`. */
export function series(items: readonly string[]): string {
  return items.join(language === 'zh-cn' ? '、' : ', ');
}

/** Alternatives, each joined by "or": `a or b or c`; in Chinese `a 或 b 或 c`. */
export function alternatives(items: readonly string[]): string {
  return items.join(language === 'zh-cn' ? ' 或 ' : ' or ');
}

/** Items all of which are meant, each joined by "and": `a and b`; in Chinese `a 和 b`. */
export function conjoined(items: readonly string[]): string {
  return items.join(language === 'zh-cn' ? ' 和 ' : ' and ');
}

/** Clauses of one sentence set apart by semicolons: `a; b`; in Chinese `a；b`. */
export function clauses(items: readonly string[]): string {
  return items.join(language === 'zh-cn' ? '；' : '; ');
}

/** Items of a list as the language lists them: `a, b and c`; in Chinese `a、b 和 c`. */
export function listed(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1];
  const rest = items.slice(0, -1);
  if (language === 'zh-cn') return `${rest.join('、')}${conjunction === 'and' ? ' 和 ' : ' 或 '}${last}`;
  return `${rest.join(', ')} ${conjunction} ${last}`;
}

/**
 * An AWS documentation page in the display language, where AWS publishes it translated (its
 * Chinese edition is at `/zh_cn/` on the same site, as the Chinese IAM User Guide is).
 */
export function documentationUrl(url: string): string {
  if (language !== 'zh-cn') return url;
  return url.replace(/^https:\/\/docs\.aws\.amazon\.com\/(?!zh_cn\/)/, 'https://docs.aws.amazon.com/zh_cn/');
}
