import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { FIX_ALL_KIND, INSERT_KIND } from '../../server/src/service';
import { LspClient } from '../support/lspClient';
import { diagnose } from '../support/service';
import { fraction, insertion, layout, policyTree, REAL_POLICIES, render } from './arbitraries';
import { runs, SEED } from './fuzzConfig';
import { shown, withTimeout } from './lspSession';

/** One step of an editing session: an edit (typing, deleting, pasting a whole policy), then maybe a request, or a quick fix applied. */
const step = fc.record({
  edit: fc.oneof(
    { weight: 8, arbitrary: fc.record({ at: fraction, remove: fc.nat(3), text: insertion }) },
    { weight: 1, arbitrary: fc.record({ at: fraction, remove: fc.nat(300), text: fc.constant('') }) },
    { weight: 1, arbitrary: fc.record({ at: fc.constant(0), remove: fc.constant(Infinity), text: fc.constantFrom(...REAL_POLICIES) }) },
    { weight: 1, arbitrary: fc.record({ at: fc.constant(0), remove: fc.constant(Infinity), text: fc.tuple(policyTree, layout).map(([tree, indent]) => render(tree, indent)) }) },
  ),
  request: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('completion', 'hover', 'codeAction', 'none', 'none') },
    { weight: 1, arbitrary: fc.constant('fix') },
  ),
  at: fraction,
  only: fc.constantFrom<string[] | undefined>(undefined, undefined, [FIX_ALL_KIND], [INSERT_KIND]),
  cancel: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});

/** Requests in flight at most before the session waits for their answers. */
const IN_FLIGHT = 25;
/** How often the session waits for the diagnostics of the current version. */
const DIAGNOSTICS_EVERY = 250;

const URI = 'file:///fuzz/edited-policy.json';
const CANCELLED = new Set<number>([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled]);


describe('the server under a long random editing session', () => {
  let client: LspClient;

  before(async () => {
    ({ client } = await LspClient.start());
    // Validate after every edit, so that validations run between edits and requests.
    await client.changeSettings({ validate: { delay: 0 } });
  });
  after(async () => {
    await client.stop();
  });

  it('answers every request, applies quick fixes, stays up and ends with the diagnostics of the final text', async (t) => {
    const steps = fc.sample(step, { seed: SEED, numRuns: runs(2_000) });
    let document = TextDocument.create(URI, 'json', 1, REAL_POLICIES[0]);
    await client.open(URI, document.getText());
    const failures: string[] = [];
    const counts = { edits: 0, requests: 0, cancelled: 0, actions: 0, fixes: 0, diagnostics: 0 };
    let pending: Promise<void>[] = [];

    /** Sends changes as the editor does and applies them to our copy the same way. */
    const change = async (changes: TextDocumentContentChangeEvent[]) => {
      document = TextDocument.update(document, changes, document.version + 1);
      await client.change(URI, changes);
      counts.edits++;
    };
    const currentDiagnostics = () =>
      withTimeout(client.diagnostics(URI, (p) => p.version === document.version), `diagnostics of version ${document.version}`);
    const positionAt = (f: number) => document.positionAt(Math.floor(f * document.getText().length));
    const lastPublished = () => client.published.filter((p) => p.uri === URI).at(-1)?.diagnostics ?? [];

    /** Sends a request without waiting for it; its answer must come, as a result or as cancelled. */
    const request = (what: string, send: (token: CancellationTokenSource['token']) => Promise<unknown>, cancel: boolean) => {
      const source = new CancellationTokenSource();
      const answer = send(source.token);
      if (cancel) source.cancel();
      counts.requests++;
      pending.push(
        withTimeout(answer, what).then(
          (result) => {
            if (what.startsWith('codeAction') && Array.isArray(result)) counts.actions += result.length;
          },
          (error: unknown) => {
            if (error instanceof ResponseError && CANCELLED.has(error.code)) counts.cancelled++;
            else failures.push(`${what}: ${String(error)}`);
          },
        ),
      );
    };

    /** Asks for the code actions of the current diagnostics, resolves one and applies its edit as the editor does. */
    const applyFix = async (at: number, only: string[] | undefined, index: number) => {
      const { diagnostics } = await currentDiagnostics();
      const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
      const actions = (await withTimeout(client.codeActions(URI, whole, diagnostics, only), `code actions for a fix after edit ${index}`)).filter((a) => a.data);
      const chosen = actions[Math.floor(at * actions.length)];
      if (!chosen) return;
      const resolved = await withTimeout(client.resolve(chosen), `resolving "${chosen.title}" after edit ${index}`);
      const edits = resolved.edit?.changes?.[URI] ?? [];
      // Applied from the end, each edit's range is still that of the text the server resolved on.
      const fromEnd = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
      if (fromEnd.length > 0) await change(fromEnd.map(({ range, newText }) => ({ range, text: newText })));
      counts.fixes++;
    };

    for (const [index, { edit, request: kind, at, only, cancel }] of steps.entries()) {
      const length = document.getText().length;
      const start = Math.floor(edit.at * length);
      const range = { start: document.positionAt(start), end: document.positionAt(Math.min(length, start + edit.remove)) };
      await change([{ range, text: edit.text }]);

      const position = positionAt(at);
      const textDocument = { uri: URI };
      const what = `${kind} after edit ${index} at ${JSON.stringify(position)}`;
      if (kind === 'completion') request(what, (token) => client.connection.sendRequest(CompletionRequest.type, { textDocument, position }, token), cancel);
      if (kind === 'hover') request(what, (token) => client.connection.sendRequest(HoverRequest.type, { textDocument, position }, token), cancel);
      if (kind === 'codeAction') {
        // The diagnostics an editor holds may be a version behind: the server must cope.
        const context = { diagnostics: lastPublished(), only };
        request(what, (token) => client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context }, token), cancel);
      }
      if (kind === 'fix') {
        await Promise.all(pending);
        pending = [];
        await applyFix(at, only, index).catch((error: unknown) => failures.push(`fix after edit ${index}: ${String(error)}`));
      }
      if (pending.length >= IN_FLIGHT) {
        await Promise.all(pending);
        pending = [];
      }
      if ((index + 1) % DIAGNOSTICS_EVERY === 0) {
        await currentDiagnostics();
        counts.diagnostics++;
      }
    }
    await Promise.all(pending);

    assert.deepEqual(failures, []);
    assert.deepEqual(client.logs.filter((l) => /failed/i.test(l)), [], 'the server caught no errors in its handlers');
    const final = await currentDiagnostics();
    assert.deepEqual(shown(final.diagnostics), shown(diagnose(document.getText())), 'published diagnostics match a fresh validation');
    const alive = await withTimeout(client.hover(URI, { line: 0, character: 0 }), 'hover after the session');
    assert.ok(alive === null || typeof alive === 'object', 'the server still answers');
    t.diagnostic(
      `${counts.edits} edits (${counts.fixes} quick fixes applied), ${counts.requests} requests (${counts.cancelled} answered as cancelled, ` +
        `${counts.actions} code actions offered), ${counts.diagnostics + 1} diagnostics checks`,
    );
  });
});
