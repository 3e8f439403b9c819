/**
 * The documents whose first reading is done in steps by their validation (a large policy, or a
 * template, just opened). A request on one of them waits for that reading rather than doing it all
 * at once, which would hold every other document's requests meanwhile: a second or two for a 1 MB
 * template, whose lightbulb the editor asks for as soon as it is shown.
 */
export class PendingReads {
  private readonly pending = new Map<string, { version: number; done: Promise<void>; end: () => void }>();

  /** This version of the document is to be read in steps; an earlier version's waiters go on. */
  expect(uri: string, version: number): void {
    this.end(uri);
    let end = (): void => undefined;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.pending.set(uri, { version, done, end });
  }

  /** The reading of the document (of `version` or before, if given) is over, done or given up: its waiters go on. */
  end(uri: string, version?: number): void {
    const pending = this.pending.get(uri);
    if (!pending || (version !== undefined && pending.version > version)) return;
    this.pending.delete(uri);
    pending.end();
  }

  /** Resolves once the reading of this version of the document has ended; at once if none is under way. */
  async ready(uri: string, version: number): Promise<void> {
    const pending = this.pending.get(uri);
    if (pending?.version === version) await pending.done;
  }
}
