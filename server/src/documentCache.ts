import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * One parse per document version, shared by every request on that version. Keeps the models of
 * the most recently used documents and forgets a document when it closes.
 */
export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(
    private readonly parse: (document: TextDocument) => T,
    private readonly capacity = 16,
  ) {}

  get(document: TextDocument): T {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      // Re-insert to mark it most recently used.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, cached);
      return cached.value;
    }
    const value = this.parse(document);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
