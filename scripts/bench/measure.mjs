// One benchmark session: a fresh server process, one document, every figure of the issue taken
// in a fixed order. Times are wall times seen by the client, from the moment a message is
// written to the moment the answer (or the diagnostics notification) has been read and decoded,
// which is what an editor waits for.
import { LspSession, ms, now, sleep } from './lspDriver.mjs';

/** How many of each request a session sends; `quick` for a smoke run. */
export const SAMPLES = {
  full: { hovers: 40, completions: 80, edits: 6, typed: 40, pureEdits: 6 },
  quick: { hovers: 10, completions: 20, edits: 2, typed: 10, pureEdits: 2 },
};

/** From this size, a policy's session measures how other documents fare while it is worked on (a template's always does). */
const LARGE_BYTES = 1024 * 1024;
/** A small policy of another file, asked for completion while the large one is worked on. */
const OTHER = { uri: 'file:///bench/other.json', text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kinesis:", "Resource": "*"}]}', at: { line: 0, character: 73 } };
/** How long the other document waits between two of its completions. */
const OTHER_GAP_MS = 5;

/** A burst is five keystrokes this far apart: quick typing, well inside either debounce. */
export const BURST = { edits: 5, gapMs: 50 };
/** In the typing loop the next keystroke comes this long after the completion list arrived. */
export const TYPING_GAP_MS = 30;
/** After a burst's last validation, how long to keep counting validations. */
const SETTLE_MS = 400;

const itemsOf = (result) => (Array.isArray(result) ? result : (result?.items ?? []));

/**
 * Runs every measurement on `document` with a new process of `server`.
 * `server`: { name, command, initializationOptions, debounceMs, prepare(session), pureValidation? }.
 */
export async function measureSession(server, document, samples) {
  const session = LspSession.spawn(server);
  try {
    const out = { server: server.name, document: document.name };
    out.startMs = (await session.initialize(server)).startMs;
    await server.prepare(session);
    const run = new SessionSteps(session, server, document, samples, out);
    await run.open();
    await run.idleRequests();
    await run.edits('editToDiagnosticsMs', samples.edits);
    await run.burst();
    await run.typing();
    // Ours only: fix-all (source.fixAll), asked and resolved, on the document as it stands; not at
    // 2 MB, where it takes seconds and its garbage would be counted in the session's peak memory.
    if (server.pureValidation && (document.languageId ?? 'json') === 'json' && document.bytes < 1024 * 1024) await run.fixAll();
    // Ours only: the debounce set to 0 through the settings, so edit to diagnostics is the work itself.
    if (server.pureValidation) {
      const from = session.published.length;
      await server.pureValidation(session);
      await session.nextPublish(run.forVersion(session.version(document.uri)), from);
      await run.edits('pureValidationMs', samples.pureEdits);
    }
    out.peakMemoryMb = session.peakMemoryMb();
    // Ours only, after the peak memory is read: how long a completion in another document waits
    // while a large policy or template is opened and checked, and while fix-all works on a policy.
    const policy = (document.languageId ?? 'json') === 'json';
    if (server.pureValidation && (document.bytes >= LARGE_BYTES || !policy)) await run.otherDocumentMeanwhile(policy);
    return out;
  } finally {
    await session.stop();
  }
}

/** The phases of a session, in the order they run; each adds its figures to `out`. */
class SessionSteps {
  constructor(session, server, doc, samples, out) {
    Object.assign(this, { session, server, doc, samples, out, uri: doc.uri, sid: doc.sidEnd });
  }

  /** The diagnostics of `version`: ours says which version they are for, the JSON server does not. */
  forVersion(version) {
    return (p) => p.uri === this.uri && (p.version === undefined || p.version === version);
  }

  /**
   * The diagnostics for the last of several edits. The JSON server's carry no version: for it,
   * the first publish a full debounce after the last edit, since each edit restarts its timer.
   */
  afterLastEdit(version, lastEditAt) {
    return (p, at) =>
      p.uri === this.uri && (p.version === undefined ? ms(lastEditAt, at) >= this.server.debounceMs - 5 : p.version === version);
  }

  /** How many diagnostics notifications for the document arrived since `from`. */
  publishedSince(from) {
    return this.session.published.slice(from).filter((p) => p.params.uri === this.uri).length;
  }

  /** Open to first diagnostics. */
  async open() {
    const { session, out } = this;
    const from = session.published.length;
    const t = now();
    await session.open(this.uri, this.doc.text, this.doc.languageId);
    // A Terraform file's first diagnostics come once the HCL grammar has loaded: those with its findings.
    const ready = this.doc.firstFindings ? (p) => p.diagnostics.length > 0 : () => true;
    const opened = await session.nextPublish((p, at) => this.forVersion(1)(p, at) && ready(p), from);
    out.openToDiagnosticsMs = ms(t, opened.at);
    out.diagnostics = opened.params.diagnostics.length;
    out.diagnosticsPayloadBytes = Buffer.byteLength(JSON.stringify(opened.params));
  }

  /** Requests on an unchanged document, whose model is cached; and one that does no work at all. */
  async idleRequests() {
    const { session, out, samples, doc } = this;
    const time = async (field, count, request, record = () => undefined) => {
      out[field] = [];
      for (let i = 0; i < count; i++) {
        const t = now();
        const result = await request();
        out[field].push(ms(t));
        record(result);
      }
    };
    // The cost of any request, whatever its work: a hover on a document that is not open.
    await time('roundTripMs', samples.hovers, () => session.hover('file:///bench/not-open.json', { line: 0, character: 0 }));
    await time('hoverMs', samples.hovers, () => session.hover(this.uri, doc.hover), (hover) => (out.hoverAnswered = hover !== null));
    await time('completionMs', samples.completions, () => session.completion(this.uri, doc.completion), (result) => {
      out.completionItems = itemsOf(result).length;
    });
  }

  /** A character typed into the last Sid (even `i`), or removed again (odd `i`). */
  typeAtSid(i) {
    const { sid } = this;
    return i % 2 === 0
      ? this.session.change(this.uri, { start: sid, end: sid }, 'x')
      : this.session.change(this.uri, { start: sid, end: { ...sid, character: sid.character + 1 } }, '');
  }

  /** Edit to updated diagnostics, one edit at a time, into `out[field]`. */
  async edits(field, count) {
    const { session, out } = this;
    out[field] = [];
    for (let i = 0; i < count; i++) {
      const from = session.published.length;
      const t = now();
      const version = await this.typeAtSid(i);
      const published = await session.nextPublish(this.forVersion(version), from);
      out[field].push(ms(t, published.at));
    }
  }

  /** A burst of five quick keystrokes: how many validations does it cost? */
  async burst() {
    const { session, out, sid } = this;
    let from = session.published.length;
    let lastEdit;
    let version;
    for (let i = 0; i < BURST.edits; i++) {
      if (i > 0) await sleep(BURST.gapMs);
      const at = { ...sid, character: sid.character + i };
      lastEdit = now();
      version = await session.change(this.uri, { start: at, end: at }, 'abcde'[i]);
    }
    const final = await session.nextPublish(this.afterLastEdit(version, lastEdit), from);
    out.burstLastEditToDiagnosticsMs = ms(lastEdit, final.at);
    await sleep(SETTLE_MS);
    out.burstValidations = this.publishedSince(from);
    // Back to the original text, and its diagnostics, before the next phase.
    from = session.published.length;
    version = await session.change(this.uri, { start: sid, end: { ...sid, character: sid.character + BURST.edits } }, '');
    await session.nextPublish(this.forVersion(version), from);
  }

  /** Fix all of the whole document: the action asked for, then resolved into its edit. */
  async fixAll() {
    const { session, out } = this;
    out.fixAllMs = [];
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (let i = 0; i < 5; i++) {
      const t = now();
      const actions = await session.codeActions(this.uri, whole, [], ['source.fixAll']);
      const action = actions?.find((a) => a.kind?.startsWith('source.fixAll'));
      if (!action) return;
      const resolved = await session.resolveCodeAction(action);
      out.fixAllMs.push(ms(t));
      out.fixAllEdits = resolved.edit?.changes?.[this.uri]?.length ?? 0;
    }
  }

  /**
   * Completions in another, small document, one after another, while the large one is opened
   * again (closed first) and checked, and then (a policy, `fixing`) while fix-all works on it:
   * each one's wait, into `otherDocumentWhileOpeningMs` (the first, behind the text, into
   * `otherDocumentBehindOpenMs`) and `otherDocumentWhileFixingMs`; fix-all's own time into
   * `fixAllLargeMs`.
   */
  async otherDocumentMeanwhile(fixing) {
    const { session, out } = this;
    await session.open(OTHER.uri, OTHER.text);
    await session.completion(OTHER.uri, OTHER.at);
    const meanwhile = async (work) => {
      const waits = [];
      let done = false;
      const working = work().finally(() => (done = true));
      while (!done) {
        const t = now();
        await session.completion(OTHER.uri, OTHER.at);
        waits.push(ms(t));
        await sleep(OTHER_GAP_MS);
      }
      await working;
      return waits;
    };
    await session.close(this.uri);
    // The first completion is sent right behind the 2 MB text: it waits for the text to arrive and
    // be decoded, which the rest of the opening does not, and is counted apart.
    const opening = await meanwhile(async () => {
      const from = session.published.length;
      await session.open(this.uri, this.doc.text, this.doc.languageId);
      // Closing it published an empty list, without a version.
      await session.nextPublish((p) => p.uri === this.uri && p.version === 1, from);
    });
    out.otherDocumentBehindOpenMs = opening[0];
    out.otherDocumentWhileOpeningMs = opening.slice(1);
    if (!fixing) return;
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    out.otherDocumentWhileFixingMs = await meanwhile(async () => {
      const t = now();
      const actions = await session.codeActions(this.uri, whole, [], ['source.fixAll']);
      const action = actions?.find((a) => a.kind?.startsWith('source.fixAll'));
      if (action) await session.resolveCodeAction(action);
      out.fixAllLargeMs = ms(t);
    });
  }

  /** The typing case: a keystroke at the cursor, and the completion request right behind it. */
  async typing() {
    const { session, out, samples } = this;
    const cursor = this.doc.completion;
    const after = { ...cursor, character: cursor.character + 1 };
    out.typedCompletionMs = [];
    const from = session.published.length;
    let lastEdit;
    for (let i = 0; i < samples.typed; i++) {
      if (i > 0) await sleep(TYPING_GAP_MS);
      const typed = i % 2 === 0;
      lastEdit = now();
      const edit = typed ? session.change(this.uri, { start: cursor, end: cursor }, 'G') : session.change(this.uri, { start: cursor, end: after }, '');
      const t = now();
      const request = session.completion(this.uri, typed ? after : cursor);
      await edit;
      const result = await request;
      out.typedCompletionMs.push(ms(t));
      if (typed) out.typedCompletionItems = itemsOf(result).length;
    }
    // Let the validation of the last keystroke finish before anything else is timed.
    await session.nextPublish(this.afterLastEdit(session.version(this.uri), lastEdit), from);
    out.typingValidations = this.publishedSince(from);
  }
}
