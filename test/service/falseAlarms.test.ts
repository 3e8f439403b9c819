import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../support/catalog';
import type { KclVersionSetting } from '../../common/src/choices';
import type { DiagnosticSettings } from '../../server/src/service';
import { diagnose, message, service } from '../support/service';

const FIXTURES = join(ROOT, 'test', 'fixtures');

/** The fixture files of a folder, read as an editor reads them (BOM and CRLF kept). */
function corpus(folder: string): { name: string; text: string }[] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Where a user may ask for completion: every offset inside or at the edge of a string literal,
 * around every punctuation token, and every fifth offset besides.
 */
function askingOffsets(text: string): number[] {
  const offsets = new Set<number>();
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (kind === SyntaxKind.StringLiteral) for (let o = start; o <= end; o++) offsets.add(o);
    else if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineBreakTrivia) offsets.add(start).add(end);
  }
  for (let o = 0; o <= text.length; o += 5) offsets.add(o);
  return [...offsets].sort((a, b) => a - b);
}

/** The errors and warnings of a document, as `code: message` lines. */
function loud(text: string, settings: Partial<DiagnosticSettings> = {}): string[] {
  return diagnose(text, settings)
    .filter((d) => d.severity === 1 || d.severity === 2)
    .map((d) => `${String(d.code)}: ${message(d)}`);
}

/** Which role of KINESIS-FACTS.md each valid policy plays; every role has at least one. */
const ROLES: Readonly<Record<string, RegExp>> = {
  'SDK producer': /^producer-sdk/,
  'KPL producer': /^producer-kpl/,
  'KCL 1.x consumer with lease table and metrics': /^consumer-kcl1/,
  'KCL 2.x consumer': /^consumer-kcl2/,
  'KCL 3.x consumer with its three tables': /^consumer-kcl3/,
  'enhanced fan-out consumer': /^consumer-enhanced-fan-out/,
  'cross-account read (stream policy)': /^stream-policy-cross-account-read/,
  'cross-account write (stream policy)': /^stream-policy-cross-account-write/,
  'enhanced fan-out share: stream policy': /^stream-policy-efo-consumer-share/,
  'enhanced fan-out share: consumer policy': /^consumer-policy-efo-consumer-share/,
  'stream administrator': /^stream-admin/,
  'producer of an encrypted stream': /^producer-encrypted-stream-kms/,
  'consumer of an encrypted stream': /^consumer-encrypted-stream-kms/,
  'Lambda consumer': /^consumer-lambda/,
  'cross-account Lambda consumer (stream policy)': /^stream-policy-cross-account-lambda/,
};

describe('JSON files that are not policies', () => {
  const files = corpus('not-policies');

  it('are a corpus of at least 50 files', () => {
    assert.ok(files.length >= 50, `${files.length} files`);
  });

  it('get no diagnostics with the default settings', () => {
    for (const { name, text } of files) assert.deepEqual(diagnose(text), [], name);
  });

  it('get no completion and no hover at any string position, nor around any token', (t) => {
    let positions = 0;
    for (const { name, text } of files) {
      const document = TextDocument.create(`file:///workspace/${name}`, 'json', 1, text);
      const model = service.parsePolicy(document);
      for (const offset of askingOffsets(text)) {
        const position = document.positionAt(offset);
        assert.equal(service.doComplete(document, position, model), null, `${name}: completion at ${offset}`);
        assert.equal(service.doHover(document, position, model), null, `${name}: hover at ${offset}`);
        positions++;
      }
    }
    t.diagnostic(`${files.length} files, ${positions} positions`);
  });
});

describe('valid Kinesis policies', () => {
  const files = corpus('valid-policies');

  it('cover every role of a Kinesis policy', () => {
    for (const [role, pattern] of Object.entries(ROLES)) {
      assert.ok(files.some(({ name }) => pattern.test(name)), `no valid policy for the role: ${role}`);
    }
  });

  it('get no error or warning with the default settings', () => {
    for (const { name, text } of files) assert.deepEqual(loud(text), [], name);
  });

  it('get none read as the file name says, as the editor reads them', () => {
    for (const { name, text } of files.filter((f) => f.name.endsWith('.resource-policy.json'))) {
      assert.deepEqual(loud(text, { policyKind: 'resource' }), [], name);
    }
  });

  it('get none for KCL consumers checked against their KCL version', () => {
    for (const { name, text } of files) {
      const version = /^consumer-kcl([123])-/.exec(name)?.[1];
      if (!version) continue;
      assert.deepEqual(loud(text, { kclVersion: `${version}.x` as KclVersionSetting, assumeKcl: true }), [], name);
    }
  });
});
