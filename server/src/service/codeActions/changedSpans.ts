/**
 * Where a text edited many times over differs from the text it started as: the spans a
 * transaction has rewritten, kept in order with the span of the original each replaced, so that
 * its edits can be given back as one edit per place it changed rather than one edit from its first
 * change to its last. A fix-all of a large policy changes a few characters in each of thousands of
 * statements: as one edit it rewrote nearly the whole document (megabytes to encode, send and
 * decode, and an editor whose folds, markers and selections in it were lost).
 */

import type { Steps } from '../steps';
import { difference } from '../textDifference';

/** How many places are compared between two pauses. */
export const PLACES_PER_STEP = 512;

/** A span of the current text, `[start, end)`, that replaced `[originalStart, originalEnd)` of the original. */
export interface ChangedSpan {
  start: number;
  end: number;
  originalStart: number;
  originalEnd: number;
}

/** A replacement of the current text: `[start, end)` is now `length` characters long. */
export interface Replacement {
  start: number;
  end: number;
  length: number;
}

export class ChangedSpans {
  /** In order, apart (a span that touches another is merged with it). */
  private spans: ChangedSpan[] = [];

  get changed(): readonly ChangedSpan[] {
    return this.spans;
  }

  /**
   * Records replacements of the current text, each given in the text as it stood before any of
   * them; in order and apart (they may touch).
   */
  replace(replacements: readonly Replacement[]): void {
    if (replacements.length === 0) return;
    const merged: ChangedSpan[] = [];
    // How much longer than the original the spans before the group are, and how much longer the
    // replacements before it made the text.
    let longer = 0;
    let grown = 0;
    let s = 0;
    let r = 0;
    const spans = this.spans;
    while (s < spans.length || r < replacements.length) {
      // A group: spans and replacements that overlap or touch, from the one that starts first.
      const takeSpan = r >= replacements.length || (s < spans.length && spans[s].start <= replacements[r].start);
      const start = takeSpan ? spans[s].start : replacements[r].start;
      let end = start;
      let groupLonger = 0;
      let groupGrown = 0;
      for (;;) {
        if (s < spans.length && spans[s].start <= end) {
          const span = spans[s++];
          end = Math.max(end, span.end);
          groupLonger += span.end - span.start - (span.originalEnd - span.originalStart);
        } else if (r < replacements.length && replacements[r].start <= end) {
          const replacement = replacements[r++];
          end = Math.max(end, replacement.end);
          groupGrown += replacement.length - (replacement.end - replacement.start);
        } else break;
      }
      // Outside every span the text is the original's, moved by how much longer the spans before are.
      merged.push({ start: start + grown, end: end + grown + groupGrown, originalStart: start - longer, originalEnd: end - longer - groupLonger });
      longer += groupLonger;
      grown += groupGrown;
    }
    this.spans = merged;
  }
}

/**
 * The edits of `original` that make `current`, one per changed span, each narrowed to where the
 * two differ (none for a span changed back); in order. Undefined when the spans do not account for
 * the current text's length: the caller then gives one edit of the whole difference. In steps:
 * thousands of places in a large policy take milliseconds.
 */
export function* changedEdits(original: string, current: string, spans: readonly ChangedSpan[]): Steps<{ start: number; end: number; text: string }[] | undefined> {
  let length = original.length;
  for (const span of spans) length += span.end - span.start - (span.originalEnd - span.originalStart);
  if (length !== current.length) return undefined;
  const edits: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < spans.length; i++) {
    if (i > 0 && i % PLACES_PER_STEP === 0) yield;
    const span = spans[i];
    const was = original.slice(span.originalStart, span.originalEnd);
    const now = current.slice(span.start, span.end);
    if (was === now) continue;
    const { start, suffix } = difference(was, now);
    edits.push({ start: span.originalStart + start, end: span.originalEnd - suffix, text: now.slice(start, now.length - suffix) });
  }
  return edits;
}
