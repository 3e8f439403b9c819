import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseErrors, problems } from '../support/codeActions';
import { ROOT } from '../support/catalog';
import { COMMANDS } from '../../common/src/commands';
import { ACCESS_JOBS, KCL_VERSIONS } from '../../common/src/choices';
import { parseAccessTestFile } from '../../server/src/service/access';

interface Manifest {
  contributes: {
    snippets: { language: string; path: string }[];
    jsonValidation: { fileMatch: string[]; url: string }[];
    commands: { command: string; title: string; category: string }[];
  };
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'kinesis-policy.code-snippets'), 'utf8')) as Record<string, { prefix: string | string[]; body: string[] }>;

/** A snippet as it reads once every tab stop keeps its default value. */
function expand(body: string[]): string {
  return body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{(\d+)\}/g, (_m, n: string) => {
    const stop = new RegExp(`\\$\\{${n}:([^}]*)\\}`).exec(body.join('\n'));
    return stop ? stop[1] : '';
  });
}

describe('snippets', () => {
  it('are contributed for json and jsonc', () => {
    assert.deepEqual(manifest.contributes.snippets.map((s) => s.language), ['json', 'jsonc']);
  });

  it('are generated from the policy templates (npm run snippets)', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'snippets.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('are one file per language, which the manifest names through package.nls: the same snippets, named and described in the language', () => {
    const path = (nls: string) => (JSON.parse(readFileSync(join(ROOT, nls), 'utf8')) as Record<string, string>)['snippets.path'];
    assert.deepEqual(manifest.contributes.snippets.map((s) => s.path), ['%snippets.path%', '%snippets.path%']);
    assert.equal(path('package.nls.json'), './snippets/kinesis-policy.code-snippets');
    const chinese = JSON.parse(readFileSync(join(ROOT, path('package.nls.zh-cn.json')), 'utf8')) as Record<string, { prefix: string | string[]; description: string; body: string[] }>;
    assert.deepEqual(Object.values(chinese).map((c) => [c.prefix, c.body]), Object.values(snippets).map((e) => [e.prefix, e.body]));
    assert.equal(Object.keys(chinese)[0], 'Kinesis 创建器策略');
    assert.match(Object.values(chinese)[0].description, /^创建器的基于身份的策略/);
  });

  it('cover every role', () => {
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix), [
      'kinesis-producer',
      ['kinesis-kcl1-consumer', 'kinesis-kcl-consumer'],
      'kinesis-kcl2-consumer',
      'kinesis-kcl3-consumer',
      'kinesis-efo-consumer',
      'kinesis-cross-account-read',
      'kinesis-cross-account-write',
      'kinesis-share-consumer-stream',
      'kinesis-share-consumer',
      'kinesis-stream-admin',
    ]);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" expands to a policy with no error or warning`, () => {
      const text = expand(snippet.body);
      assert.deepEqual(parseErrors(text), []);
      const kclVersion = /KCL (\dx|\d\.x)/.exec(name)?.[1] as '1.x' | '2.x' | '3.x' | undefined;
      assert.deepEqual(problems(text, kclVersion ? { kclVersion } : {}), [], text);
    });
  }
});

describe('the policy schema', () => {
  it('is contributed for policy-looking file names', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [
      { fileMatch: ['*.policy.json', '*-policy.json', '**/policies/*.json'], url: './schemas/iam-policy.schema.json' },
      { fileMatch: ['*.access.json'], url: './schemas/access-test.schema.json' },
    ]);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'iam-policy.schema.json'), 'utf8')) as { definitions: { statement: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.definitions.statement.properties), [
      'Sid',
      'Effect',
      'Action',
      'NotAction',
      'Resource',
      'NotResource',
      'Principal',
      'NotPrincipal',
      'Condition',
    ]);
  });

  it('leaves values to the rules, so nothing is reported twice', () => {
    const text = readFileSync(join(ROOT, 'schemas', 'iam-policy.schema.json'), 'utf8');
    assert.doesNotMatch(text, /"enum"|"required"|"pattern"/);
  });
});

describe('the access-test schema', () => {
  interface TestSchema {
    properties: { tests: { items: { properties: { job: { enum: string[] }; kclVersion: { enum: string[] }; expect: { enum: string[] } } } } };
  }
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'access-test.schema.json'), 'utf8')) as TestSchema;
  const test = schema.properties.tests.items.properties;

  it('offers the jobs and KCL versions the command line takes', () => {
    assert.deepEqual(test.job.enum, [...ACCESS_JOBS]);
    assert.deepEqual(test.kclVersion.enum, [...KCL_VERSIONS]);
    assert.deepEqual(test.expect.enum, ['allowed', 'denied']);
  });

  it("names every key of a test the command line reads, and the example's tests read cleanly", () => {
    assert.deepEqual(Object.keys(test).sort(), ['action', 'consumer', 'context', 'expect', 'job', 'kclVersion', 'name', 'principal', 'resource', 'table']);
    const { file, problems: found } = parseAccessTestFile(readFileSync(join(ROOT, 'examples', 'cross-account', 'orders.access.json'), 'utf8'));
    assert.deepEqual(found, []);
    assert.equal(file?.tests.length, 4);
  });
});

describe('commands', () => {
  it('are in the palette under Kinesis Policy, in English and in Chinese', () => {
    const titles = (nls: string) => {
      const strings = JSON.parse(readFileSync(join(ROOT, nls), 'utf8')) as Record<string, string>;
      const shown = (text: string) => text.replace(/^%(.+)%$/, (_m, key: string) => strings[key] ?? text);
      return manifest.contributes.commands.map((c) => `${shown(c.category)}: ${shown(c.title)}`);
    };
    assert.deepEqual(titles('package.nls.json'), [
      'Kinesis Policy: New Policy...',
      'Kinesis Policy: Check Access...',
      'Kinesis Policy: Fill In Placeholders...',
      'Kinesis Policy: Show Rule Documentation',
      'Kinesis Policy: Restart Language Server',
    ]);
    assert.deepEqual(titles('package.nls.zh-cn.json'), ['Kinesis 策略: 新建策略...', 'Kinesis 策略: 检查访问权限...', 'Kinesis 策略: 填写占位符...', 'Kinesis 策略: 显示规则文档', 'Kinesis 策略: 重启语言服务器']);
  });

  it('are the ids the extension registers and the code actions run', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), Object.values(COMMANDS).sort());
  });
});
