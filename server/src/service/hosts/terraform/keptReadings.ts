import type { PieceText } from '../../text/pieceText';
import type { TemplateDocument } from '../hostModel';
import type { Configuration } from './configuration';
import type { HclItem } from './hclItems';

/**
 * What a version of a Terraform file was read as, kept for the next version: its unchanged items
 * are kept and moved rather than parsed again (see `terraformTemplate`).
 */
export interface Items {
  uri: string;
  /** The file's text, in pieces (see PieceText): a keystroke reads the item it is in, not the whole text. */
  text: PieceText;
  starts: number[];
  items: HclItem[];
  configuration: Configuration;
  /** Whether a next version was read from it (which moved its items): it is not read again. */
  used?: boolean;
}

const ITEMS = new WeakMap<TemplateDocument, Items>();

/**
 * What the last few files that held no policy were read as, by URI: there is no template to keep
 * it with, and their next version is read from it all the same, so that typing in a large
 * configuration without policies parses the item it is in rather than the whole file.
 */
const UNHELD = new Map<string, Items>();
const UNHELD_KEPT = 4;

/** What an earlier version was read as, taken for the next (a reading serves one next version). */
export function earlier(uri: string, previous: TemplateDocument | undefined): Items | undefined {
  const found = (previous && ITEMS.get(previous)) ?? UNHELD.get(uri);
  UNHELD.delete(uri);
  if (!found || found.used || found.uri !== uri) return undefined;
  found.used = true;
  return found;
}

/** What a file that holds no policy was read as, kept for its next version. */
export function keepUnheld(state: Items): void {
  UNHELD.delete(state.uri);
  UNHELD.set(state.uri, state);
  for (const uri of UNHELD.keys()) {
    if (UNHELD.size <= UNHELD_KEPT) break;
    UNHELD.delete(uri);
  }
}

/** What a file's template was read from, kept for its next version. */
export function keepWith(template: TemplateDocument, state: Items): void {
  ITEMS.set(template, state);
}
