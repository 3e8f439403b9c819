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

  /** `anchors` sorted by `json` (and so by `host`). */
  constructor(private readonly anchors: readonly Anchor[]) {}

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
    const i = this.lastAt((a) => a.json <= json);
    if (i < 0) return this.anchors[0]?.host ?? 0;
    const anchor = this.anchors[i];
    if (anchor.exact) return anchor.host + (json - anchor.json);
    const next = this.anchors[i + 1];
    return side === 'end' && next && json > anchor.json ? next.host : anchor.host;
  }

  /**
   * The JSON offset of a host offset, where the host text there was copied exactly (its ends
   * included: the cursor at the end of a word is in the word); else undefined.
   */
  toJson(moved: number): number | undefined {
    const host = moved - this.moved;
    const i = this.lastAt((a) => a.host <= host);
    // Anchors that share a host offset: the exact stretch ending there comes first in the text.
    for (let k = i; k >= 0 && k >= i - 3; k--) {
      const anchor = this.anchors[k];
      const next = this.anchors[k + 1];
      if (anchor.exact && (!next || anchor.json + (host - anchor.host) <= next.json)) return anchor.json + (host - anchor.host);
      if (anchor.host < host) break;
    }
    return i >= 0 && this.anchors[i].host === host ? this.anchors[i].json : undefined;
  }

  /**
   * The host span of a JSON span lying within one exact stretch (its ends included), or undefined:
   * what an edit must satisfy to be made in the host as it was made in the JSON text.
   */
  exactSpan(start: number, end: number): { start: number; end: number } | undefined {
    const i = this.lastAt((a) => a.json <= start);
    // A span that ends an exact stretch starts where the next anchor is: it is that stretch's.
    for (const k of [i, i - 1]) {
      const anchor = this.anchors[k];
      const next = this.anchors[k + 1];
      if (anchor?.exact && start >= anchor.json && (!next || end <= next.json)) {
        return { start: anchor.host + (start - anchor.json) + this.moved, end: anchor.host + (end - anchor.json) + this.moved };
      }
    }
    return undefined;
  }

  /** The index of the last anchor satisfying `before` (a predicate true for a prefix of them). */
  private lastAt(before: (a: Anchor) => boolean): number {
    let low = 0;
    let high = this.anchors.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (before(this.anchors[mid])) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}

/** Builds an offset map while the JSON text is written. */
export class MapBuilder {
  private readonly anchors: Anchor[] = [];
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
    const last = this.anchors[this.anchors.length - 1];
    if (last?.json === this.length) this.anchors.pop();
    this.anchors.push({ json: this.length, host, exact });
  }

  finish(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: new OffsetMap(this.anchors) };
  }
}
