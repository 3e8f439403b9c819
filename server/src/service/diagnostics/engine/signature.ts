import type { DiagnosticSettings } from './settings';

/**
 * What a check was made with, as one string (the settings, then whatever else decides its
 * findings): kept findings are used again only under the same string.
 *
 * A template's policies are each checked with the names of every table the template makes
 * (`existingTables`: thousands in a large template, one list for all its policies) and with one
 * of a few sets of rules (`rules`). Each distinct list and set is written once and stands in the
 * string as a number, rather than being written out for every policy: the 1 MB template's first
 * check allocated 196 MB, 21 MB of it these strings.
 */
export function settingsSignature(settings: DiagnosticSettings, ...more: unknown[]): string {
  const tables = settings.existingTables;
  return JSON.stringify([{ ...settings, rules: numberOf(settings.rules), existingTables: tables && numberOf(tables) }, ...more]);
}

/** A number for each list or record: the same for those of the same content while it is among those kept. */
function numberOf(value: object): number {
  let known = NUMBERS.get(value);
  if (known === undefined) {
    const json = JSON.stringify(value);
    known = BY_CONTENT.get(json);
    if (known === undefined) {
      // Forgotten lists are given new numbers when seen again: their findings are made anew, never mistaken.
      if (BY_CONTENT.size >= LISTS_KEPT) BY_CONTENT.clear();
      BY_CONTENT.set(json, (known = next++));
    }
    NUMBERS.set(value, known);
  }
  return known;
}

/** More lists and rule sets than the documents open at once are checked with. */
const LISTS_KEPT = 64;
const NUMBERS = new WeakMap<object, number>();
const BY_CONTENT = new Map<string, number>();
let next = 0;
