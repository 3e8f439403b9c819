import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES, TEMPLATE_CHECKS } from '../../../server/src/service';
import { templateDiagnostics } from '../../support/templates';
import { ROOT } from '../../support/catalog';
import { diagnose, message } from '../../support/service';

interface Section {
  code: string;
  fails?: string;
  passes?: string;
}

/** The rule sections of docs/rules.md with their example policies. */
function sections(): Section[] {
  const text = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
  return text
    .split(/^<a id="/m)
    .slice(1)
    .map((part) => {
      const example = (label: string) => new RegExp(`^${label}:\\n\\n\`\`\`(?:json|yaml)\\n([\\s\\S]*?)\\n\`\`\``, 'm').exec(part)?.[1];
      return { code: part.slice(0, part.indexOf('"')), fails: example('Fails'), passes: example('Passes') };
    });
}

/** A policy example is checked as a policy file; a template example (YAML) as a template. */
function check(example: string) {
  return example.trimStart().startsWith('{') ? diagnose(example) : templateDiagnostics(example).diagnostics;
}

describe('docs/rules.md', () => {
  const documented = sections();

  it('documents every rule, once, in the order of the registry', () => {
    assert.deepEqual(documented.map((s) => s.code), [...RULES, ...TEMPLATE_CHECKS].map((r) => r.code));
  });

  for (const section of documented) {
    describe(section.code, () => {
      if (section.fails) {
        it('reports its failing example', () => {
          assert.ok(check(section.fails!).some((d) => d.code === section.code), `${section.code} not reported`);
        });
      }
      it('reports no error or warning on its passing example', () => {
        assert.ok(section.passes, 'has a passing example');
        const loud = check(section.passes).filter((d) => d.severity === 1 || d.severity === 2);
        assert.deepEqual(loud.map((d) => `${String(d.code)}: ${message(d)}`), []);
      });
    });
  }
});
