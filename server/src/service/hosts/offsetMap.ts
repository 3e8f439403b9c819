/**
 * How offsets in a policy's JSON text (what the features read) correspond to offsets in the
 * document it was found in (a template, in JSON or YAML). Anchors pair a JSON offset with a host
 * offset, both increasing; after an exact anchor the two texts run character for character until
 * the next anchor, after an inexact one the JSON text was written for the host text (an intrinsic
 * function read as a string, a YAML scalar written as a JSON string) and only the ends correspond.
 */
export interface Anchor {
  json: number;
  host: number;
  exact: boolean;
}

export class OffsetMap {
  private origin: { node: { readonly start: number }; start: number } | undefined;
  /**
   * The anchors sorted by `json` (and so by `host`), two numbers each (see `MapBuilder`): the JSON
   * offset, then the host offset times two, plus one when exact. A template of a thousand policies
   * has a hundred thousand anchors, which as objects took megabytes.
   */
  constructor(private readonly pairs: Int32Array) {}

  private get count(): number {
    return this.pairs.length / 2;
  }

  /** The anchor at an index, or undefined past either end. */
  private at(i: number): Anchor | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const host = this.pairs[2 * i + 1];
    return { json: this.pairs[2 * i], host: host >> 1, exact: (host & 1) === 1 };
  }

  /**
   * Moves every host offset with the node the text was written from: an edit before it moves the
   * node in the template (`yamlBlocks.ts` moves kept nodes in place), and the map with it.
   */
  follow(node: { readonly start: number }): this {
    this.origin = { node, start: node.start };
    return this;
  }

  /** How far the host text has moved since the anchors were made. */
  private get moved(): number {
    return this.origin ? this.origin.node.start - this.origin.start : 0;
  }

  /** The host offset of a JSON offset; inside an inexact stretch, its start (or, for `end`, its end). */
  toHost(json: number, side: 'start' | 'end' = 'start'): number {
    return this.hostOf(json, side) + this.moved;
  }

  private hostOf(json: number, side: 'start' | 'end'): number {
    // Read from the pairs, not through `at`: a template's check asks each policy's map at each keystroke.
    const { pairs } = this;
    const i = this.lastAt(json, 0);
    if (i < 0) return pairs.length > 0 ? pairs[1] >> 1 : 0;
    const anchorJson = pairs[2 * i];
    const host = pairs[2 * i + 1];
    if ((host & 1) === 1) return (host >> 1) + (json - anchorJson);
    return side === 'end' && i + 1 < this.count && json > anchorJson ? pairs[2 * i + 3] >> 1 : host >> 1;
  }

  /**
   * The JSON offset of a host offset, where the host text there was copied exactly (its ends
   * included: the cursor at the end of a word is in the word); else undefined.
   */
  toJson(moved: number): number | undefined {
    const host = moved - this.moved;
    const i = this.lastAt(host, 1);
    // Anchors that share a host offset: the exact stretch ending there comes first in the text.
    for (let k = i; k >= 0 && k >= i - 3; k--) {
      const anchor = this.at(k)!;
      const next = this.at(k + 1);
      if (anchor.exact && (!next || anchor.json + (host - anchor.host) <= next.json)) return anchor.json + (host - anchor.host);
      if (anchor.host < host) break;
    }
    const last = this.at(i);
    return last?.host === host ? last.json : undefined;
  }

  /**
   * The host span of a JSON span lying within one exact stretch (its ends included), or undefined:
   * what an edit must satisfy to be made in the host as it was made in the JSON text.
   */
  exactSpan(start: number, end: number): { start: number; end: number } | undefined {
    const i = this.lastAt(start, 0);
    // A span that ends an exact stretch starts where the next anchor is: it is that stretch's.
    for (const k of [i, i - 1]) {
      const anchor = this.at(k);
      const next = this.at(k + 1);
      if (anchor?.exact && start >= anchor.json && (!next || end <= next.json)) {
        return { start: anchor.host + (start - anchor.json) + this.moved, end: anchor.host + (end - anchor.json) + this.moved };
      }
    }
    return undefined;
  }

  /** The index of the last anchor whose JSON offset (`side` 0) or host offset (1) is at most `offset`. */
  private lastAt(offset: number, side: 0 | 1): number {
    let low = 0;
    let high = this.count - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const value = side === 0 ? this.pairs[2 * mid] : this.pairs[2 * mid + 1] >> 1;
      if (value <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}

/** Builds an offset map while the JSON text is written. */
export class MapBuilder {
  /** The anchors as `OffsetMap` keeps them. */
  private readonly pairs: number[] = [];
  private readonly parts: string[] = [];
  private length = 0;

  get offset(): number {
    return this.length;
  }

  write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  /** From here on, JSON offsets correspond to host offsets from `host` (exactly, or not). */
  anchor(host: number, exact: boolean): void {
    const { pairs } = this;
    // A later anchor at the same JSON offset replaces the one before.
    if (pairs.length > 0 && pairs[pairs.length - 2] === this.length) pairs.length -= 2;
    pairs.push(this.length, host * 2 + (exact ? 1 : 0));
  }

  finish(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: new OffsetMap(Int32Array.from(this.pairs)) };
  }
}
