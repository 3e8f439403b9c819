import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PROGRESS_AFTER_MS, type Progress } from './checkProgress';
import type { TypingHold } from './typingHold';
import { limitProblems } from './problemLimit';
import { letRequestsIn, SLICE_MS } from './slices';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs the callback on the next turn of the event loop (`letRequestsIn` takes three to let the requests read come first). */
  setImmediate(callback: () => void): void;
  /** Milliseconds, monotonic. */
  now(): number;
}


/**
 * A validation this quick (in milliseconds of work and publishing) is run at once after an edit:
 * an edit in a policy of up to a few megabytes, whose unchanged statements' findings are kept and
 * of whose findings a thousand at most are published. Slower ones (a large template's) wait for
 * the delay after the last edit, so that typing in a large document is not held up by checks of
 * every keystroke.
 */
export const QUICK_CHECK_MS = 30;

/**
 * A document found slow is quick again only when its checks cost this much or less: a document
 * whose checks cost about `QUICK_CHECK_MS` keeps the way it was checked, rather than flipping
 * between checking each keystroke (when a few checks came in under the line) and waiting for the
 * delay. A 1 MB Terraform file's checks, at 25 to 35 ms, checked every keystroke of a burst in
 * some sessions and one in others.
 */
export const QUICK_AGAIN_MS = 20;

/**
 * How many of a document's last checks tell whether it is quick: their median, so that one check
 * slowed by a collection or sped up by a warm cache does not flip a document whose checks cost
 * about the threshold between checking each keystroke and waiting for the delay.
 */
export const QUICK_CHECKS_WEIGHED = 3;

/**
 * Validates documents as the user types. A document whose recent validations were quick
 * (`QUICK_CHECK_MS`, `QUICK_AGAIN_MS`, `QUICK_CHECKS_WEIGHED`) is validated at once after each edit: its findings
 * follow the keystroke within milliseconds, and a burst of keystrokes costs a few milliseconds each. A document whose
 * validation is slow waits for the delay after the last edit, each edit restarting its timer, so
 * that a burst costs one validation. New findings on the text being typed wait for a pause
 * (`TypingHold`), so nothing flickers while a word is typed. Validation runs in small steps and
 * lets other requests in every few milliseconds, so that a large document does not hold up
 * completion in another; when the document changes meanwhile, the stale run stops.
 */
export class ValidationScheduler {
  /** Each document's validation to come, until it starts: how to call it off. */
  private readonly pending = new Map<string, () => void>();
  /** Documents validated at least once since they opened: the first validation does not wait. */
  private readonly seen = new Set<string>();
  /** What was last published for each document, for code actions that need every diagnostic. */
  private readonly published = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  /** What the editor shows for each document: the published findings less those held back, up to the most it is sent. */
  private readonly shown = new Map<string, Diagnostic[]>();
  /** The timer that shows a document's held findings once the user pauses. */
  private readonly holding = new Map<string, unknown>();
  /** How long each document's last few validations worked and published (ms), the latest last: Infinity until written. */
  private readonly costs = new Map<string, { ms: number; opening: boolean }[]>();
  /** The documents found quick, and not found slow since. */
  private readonly quick = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly validate: (document: TextDocument) => Generator<void, Diagnostic[], void>,
    private readonly timing: { delay(): number; quickCheck(): boolean; typingPause(): number; maxProblems(): number; hold: TypingHold },
    private readonly timers: Timers,
    /** Shows a long check as work in progress (see `checkProgress`). */
    private readonly progress: (uri: string) => Progress = () => ({ done: () => undefined }),
  ) {}

  /**
   * Validates after the delay; at once for a document just opened, when `immediately`, or when the
   * document's validation is quick.
   */
  schedule(document: TextDocument, immediately = false): void {
    const { uri, version } = document;
    if (this.timing.quickCheck() && this.isQuick(uri)) immediately = true;
    this.cancel(uri);
    const opening = !this.seen.has(uri);
    if (opening) {
      this.seen.add(uri);
      immediately = true;
    }
    const start = () => {
      this.pending.delete(uri);
      void this.run(uri, version, opening);
    };
    const delay = this.timing.delay();
    if (immediately || delay <= 0) {
      // After the messages already read, not after a timer (`setTimeout` waits at least 1 ms): a
      // completion asked right behind the keystroke is answered before the keystroke's check, which
      // it would otherwise wait for (vscode-jsonrpc hands it on two turns later, see `letRequestsIn`).
      let calledOff = false;
      this.pending.set(uri, () => (calledOff = true));
      void letRequestsIn(this.timers).then(() => calledOff || start());
    } else {
      const handle = this.timers.setTimeout(start, delay);
      this.pending.set(uri, () => this.timers.clearTimeout(handle));
    }
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document, true);
  }

  /** Forgets a closed document and clears what was shown for it. */
  clear(uri: string): void {
    this.cancel(uri);
    this.seen.delete(uri);
    this.costs.delete(uri);
    this.quick.delete(uri);
    this.published.delete(uri);
    this.shown.delete(uri);
    this.timing.hold.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Whether the document's check is quick, by the median of its last few checks (or the slower of
   * two): a quick document stays quick up to `QUICK_CHECK_MS`, another becomes quick at
   * `QUICK_AGAIN_MS`. A check whose findings are still being written is not quick.
   */
  private isQuick(uri: string): boolean {
    const recent = this.costs.get(uri);
    if (!recent || recent[recent.length - 1].ms === Infinity) return false;
    const sorted = recent.map((c) => c.ms).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    if (median <= (this.quick.has(uri) ? QUICK_CHECK_MS : QUICK_AGAIN_MS)) this.quick.add(uri);
    else this.quick.delete(uri);
    return this.quick.has(uri);
  }

  /** A check's cost; the opening check's counts only until the next, which reads an edit. */
  private record(uri: string, ms: number, opening: boolean): { ms: number; opening: boolean } {
    const recent = this.costs.get(uri) ?? [];
    if (recent.length === 1 && recent[0].opening) recent.length = 0;
    const cost = { ms, opening };
    recent.push(cost);
    if (recent.length > QUICK_CHECKS_WEIGHED) recent.shift();
    this.costs.set(uri, recent);
    return cost;
  }

  private cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    const held = this.holding.get(uri);
    if (held !== undefined) this.timers.clearTimeout(held);
    this.holding.delete(uri);
  }

  /** `opening`: the document's first check, which reads it whole. */
  private async run(uri: string, version: number, opening: boolean): Promise<void> {
    const isCurrent = () => this.documents.get(uri)?.version === version;
    const document = this.documents.get(uri);
    if (!document || !isCurrent()) return;
    let diagnostics: Diagnostic[];
    // The work, less the time other requests took between its slices.
    let work = 0;
    const began = this.timers.now();
    let shown: Progress | undefined;
    try {
      const steps = this.validate(document);
      let sliceStart = this.timers.now();
      for (;;) {
        const step = steps.next();
        if (step.done) {
          diagnostics = step.value;
          break;
        }
        if (this.timers.now() - sliceStart >= SLICE_MS) {
          work += this.timers.now() - sliceStart;
          shown ??= this.timers.now() - began >= PROGRESS_AFTER_MS ? this.progress(uri) : undefined;
          await letRequestsIn(this.timers);
          if (!isCurrent()) {
            // Stopped where it stands: what the steps hold (a Terraform file's parse trees) is let go.
            steps.return([]);
            return;
          }
          sliceStart = this.timers.now();
        }
      }
      work += this.timers.now() - sliceStart;
      // A check long enough to pause is published after one more pause: sending thousands of
      // findings takes a slice of its own.
      if (work >= SLICE_MS) {
        await letRequestsIn(this.timers);
        if (!isCurrent()) return;
      }
    } catch (error) {
      this.connection.console.error(`Validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    } finally {
      shown?.done();
    }
    if (!isCurrent()) {
      this.record(uri, work, opening);
      return;
    }
    this.published.set(uri, { version, diagnostics });
    const pause = this.timing.typingPause();
    // Publishing is part of the cost: thousands of findings take longer to send than to find, and
    // a large notification is encoded in steps after this returns (see transport/streams.ts). Until
    // it is written, the document is not quick.
    const publishing = this.timers.now();
    const { now, held } = pause > 0 ? this.timing.hold.split(document, diagnostics, this.shown.get(uri)) : { now: diagnostics, held: [] };
    const cost = this.record(uri, Infinity, opening);
    const written = () => {
      cost.ms = work + this.timers.now() - publishing;
    };
    this.show(uri, version, now).then(written, written);
    if (held.length === 0) return;
    const handle = this.timers.setTimeout(() => {
      this.holding.delete(uri);
      if (isCurrent()) void this.show(uri, version, diagnostics);
    }, pause);
    this.holding.set(uri, handle);
  }

  /**
   * Publishes, up to the most problems of a document (`limitProblems`); settles when the
   * notification is written. Code actions read every finding.
   */
  private show(uri: string, version: number, diagnostics: Diagnostic[]): Promise<void> {
    const sent = limitProblems(diagnostics, this.timing.maxProblems());
    this.shown.set(uri, sent);
    return this.connection.sendDiagnostics({ uri, version, diagnostics: sent });
  }

  /** The diagnostics published for this version of the document, if they are current. */
  current(document: TextDocument): Diagnostic[] | undefined {
    const entry = this.published.get(document.uri);
    return entry?.version === document.version ? entry.diagnostics : undefined;
  }
}
