import { ownCopy } from './ownCopy';

/**
 * One copy of each string among many equal ones.
 *
 * A policy repeats itself: a 2 MB policy names `"Action"` in each of its 5,000 statements,
 * `"kinesis:GetRecords"` in thousands, and its findings say the same sentence hundreds of times.
 * Parsed or formatted one by one, each is a string of its own for as long as the document is open
 * (of the 2 MB policy's 52 MB of live heap, 4.5 MB were such copies). An `Interned` gives back
 * the first of equal strings instead, a copy that keeps no document's text alive (`ownCopy`).
 *
 * It remembers at most `limit` strings, then starts again empty: a text of many different strings
 * costs a bounded table, and strings given out before stay valid.
 */
export class Interned {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit: number) {}

  of(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size >= this.limit) this.strings.clear();
    const own = ownCopy(text);
    this.strings.set(own, own);
    return own;
  }
}

/**
 * The strings read out of documents: names and values of the policies parsed, and the ARNs the
 * catalog describes (the same strings, so the same copies). Longer strings are rarely repeated
 * and are not interned (`documentString`).
 */
const documentStrings = new Interned(20_000);
const INTERNED_LENGTH = 128;

/** `text`, or an equal string read before; a copy either way, that keeps no document's text alive. */
export function documentString(text: string): string {
  return text.length <= INTERNED_LENGTH ? documentStrings.of(text) : ownCopy(text);
}
