import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatSarif } from '../../server/src/cli/formats';
import { githubAnchor, plainText, readRuleDocs, repositoryWebUrl, rulesDocumentationWebUrl } from '../../server/src/cli/rulesDocs';
import { RULES, TEMPLATE_CHECKS } from '../../server/src/service';
import { ROOT } from '../support/catalog';

const RULES_MARKDOWN = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');

describe('the rules of docs/rules.md, as SARIF describes them', () => {
  const docs = readRuleDocs(RULES_MARKDOWN);

  it('describe every rule by the first sentence of its section, anchored as GitHub anchors its heading', () => {
    assert.deepEqual([...docs.keys()], [...RULES, ...TEMPLATE_CHECKS].map((r) => r.code));
    for (const [code, doc] of docs) {
      assert.ok(RULES_MARKDOWN.includes(`\n## \`${code}\`\n`), code);
      assert.equal(doc.anchor, code.replace('/', ''));
      assert.ok(doc.description.startsWith(doc.summary.replace(/\.$/, '')), code);
      assert.doesNotMatch(doc.summary, /^\*\*Severity/, code);
    }
    assert.deepEqual(docs.get('iam/duplicate-sid'), {
      summary: 'Statement ids must be unique within an IAM policy.',
      description: "Statement ids must be unique within an IAM policy. Other services' resource-based policies set their own rules (S3 accepts a bucket policy that repeats a Sid), so those are not judged.",
      anchor: 'iamduplicate-sid',
    });
    assert.equal(
      docs.get('iam/unknown-action')?.summary,
      'An action, service prefix or wildcard that matches nothing in the IAM data grants or denies nothing: usually a typo.',
    );
  });

  it('end a summary that introduces a list with a full stop, and keep the list in the description', () => {
    const doc = docs.get('resource-policy/unsupported-action')!;
    assert.equal(doc.summary, 'Only these nine actions can be shared through a resource-based policy.');
    assert.match(doc.description, /^Only these nine actions can be shared through a resource-based policy:\n\n- on a stream: `kinesis:DescribeStream`/);
  });

  it('read a section in Markdown of another shape: headings by their GitHub anchors, repeats numbered', () => {
    const markdown = [
      '# Rules',
      '## `a/b`',
      '**Severity:** error.',
      'First *sentence*, with `e.g. code.` in it.\nSecond sentence.',
      '```json\n# not a heading\n```',
      '## Rules',
      '## `c/d`',
      'Only text.',
    ].join('\n\n');
    const docs = readRuleDocs(markdown);
    assert.deepEqual(docs.get('a/b'), { summary: 'First *sentence*, with `e.g. code.` in it.', description: 'First *sentence*, with `e.g. code.` in it. Second sentence.', anchor: 'ab' });
    assert.deepEqual(docs.get('c/d'), { summary: 'Only text.', description: 'Only text.', anchor: 'cd' });
    assert.equal(docs.size, 2);
    assert.deepEqual([...readRuleDocs('## `x/y`\n\nOne.\n\n## `x/y`\n\nTwo.').values()].map((d) => d.anchor), ['xy-1']);
  });
});

describe('GitHub anchors and plain text', () => {
  it('anchor a heading as GitHub does', () => {
    assert.equal(githubAnchor('`iam/invalid-arn`'), 'iaminvalid-arn');
    assert.equal(githubAnchor('Using the server from other editors'), 'using-the-server-from-other-editors');
    assert.equal(githubAnchor("What's `new`? (v2.0)"), 'whats-new-v20');
  });

  it('drop the marks of code, emphasis and links, but not the stars in code', () => {
    assert.equal(plainText('`"Principal": "*"` and **bold**, *emphasis* and [a link](https://example.com)'), '"Principal": "*" and bold, emphasis and a link');
    assert.equal(plainText('grants `kinesis:*` on `arn:aws:kinesis:*:*:*`'), 'grants kinesis:* on arn:aws:kinesis:*:*:*');
  });
});

describe("the repository's web address, from package.json", () => {
  it('takes the https address of the forms npm accepts', () => {
    const expected = 'https://github.com/kinesis-policy/kinesis-policy';
    for (const repository of [
      { type: 'git', url: 'https://github.com/kinesis-policy/kinesis-policy.git' },
      { type: 'git', url: 'git+https://github.com/kinesis-policy/kinesis-policy.git' },
      { url: 'git://github.com/kinesis-policy/kinesis-policy.git' },
      { url: 'git+ssh://git@github.com/kinesis-policy/kinesis-policy.git' },
      'git@github.com:kinesis-policy/kinesis-policy.git',
      'github:kinesis-policy/kinesis-policy',
      'kinesis-policy/kinesis-policy',
      'https://github.com/kinesis-policy/kinesis-policy/',
    ]) {
      assert.equal(repositoryWebUrl(repository), expected, JSON.stringify(repository));
    }
    assert.equal(rulesDocumentationWebUrl({ url: 'https://github.com/o/r.git' }), 'https://github.com/o/r/blob/main/docs/rules.md');
  });

  it('is unknown without a repository or an address', () => {
    for (const repository of [undefined, null, {}, { type: 'git' }, '', 42, 'file:///home/me/repo']) {
      assert.equal(repositoryWebUrl(repository), undefined, JSON.stringify(repository));
    }
  });

  it('leaves SARIF rules without helpUri when unknown, rather than with a local path', () => {
    const sarif = JSON.parse(formatSarif([], { version: '1.0.0', rulesDocumentationUrl: undefined, ruleDocs: readRuleDocs(RULES_MARKDOWN) })) as {
      runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[];
    };
    for (const rule of sarif.runs[0].tool.driver.rules) assert.ok(!('helpUri' in rule), String(rule.id));
  });
});
