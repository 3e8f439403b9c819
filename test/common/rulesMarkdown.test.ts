import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleSections } from '../../common/src/rulesMarkdown';
import { RULES, TEMPLATE_CHECKS } from '../../server/src/service';
import { ROOT } from '../support/catalog';

describe('rule sections of docs/rules.md', () => {
  it('ends a section at the next heading of its level, not at a heading inside a code block', () => {
    const sections = ruleSections('# Rules\n\n## `a/one`\n\nFirst.\n\n```md\n## not a heading\n```\n\n### Fails\n\nText.\n\n## `b/two`\n\nSecond.\n');
    assert.deepEqual([...sections.keys()], ['a/one', 'b/two']);
    assert.deepEqual(sections.get('a/one'), ['## `a/one`', 'First.', '```md\n## not a heading\n```', '### Fails', 'Text.']);
  });

  it('finds every rule of the registry in the shipped file', () => {
    const sections = ruleSections(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8'));
    assert.deepEqual([...sections.keys()], [...RULES, ...TEMPLATE_CHECKS].map((r) => r.code));
  });
});
