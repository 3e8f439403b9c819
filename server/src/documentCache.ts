import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * One parse per document version, shared by every request on that version. Keeps the models of
 * the most recently used documents and forgets a document when it closes. A new version is made
 * from the previous one's model by `update` where it can (which takes that model over), else
 * parsed afresh once the previous model has been let go.
 */
export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(
    private readonly parse: (document: TextDocument) => T,
    private readonly update: (previous: T, document: TextDocument) => T | undefined = () => undefined,
    private readonly capacity = 16,
  ) {}

  get(document: TextDocument): T {
    const cached = this.current(document);
    if (cached) return cached.value;
    // Nothing here holds the previous model while a full parse runs: it can be collected meanwhile.
    return this.remember(document, this.updated(document) ?? this.parse(document));
  }

  /**
   * `get` for a caller that pauses between steps: a full parse is made by `parseSteps`. A request
   * that asks for the document meanwhile parses it at once, and its model is the one kept.
   */
  *getSteps(document: TextDocument, parseSteps: (document: TextDocument) => Generator<void, T, void>): Generator<void, T, void> {
    const cached = this.current(document);
    if (cached) return cached.value;
    const updated = this.updated(document);
    if (updated !== undefined) return this.remember(document, updated);
    const value = yield* parseSteps(document);
    return this.current(document)?.value ?? this.remember(document, value);
  }

  private remember(document: TextDocument, value: T): T {
    this.entries.set(document.uri, { version: document.version, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  /** Whether some version of the document has been read. */
  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** The entry of this version of the document, marked most recently used. */
  private current(document: TextDocument): { value: T } | undefined {
    const cached = this.entries.get(document.uri);
    if (cached?.version !== document.version) return undefined;
    this.entries.delete(document.uri);
    this.entries.set(document.uri, cached);
    return cached;
  }

  /** The new version from the previous model, which is forgotten either way. */
  private updated(document: TextDocument): T | undefined {
    const previous = this.entries.get(document.uri);
    this.entries.delete(document.uri);
    return previous ? this.update(previous.value, document) : undefined;
  }
}
