import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT } from '../support/catalog';

const CLI = join(ROOT, 'dist', 'cli.js');

/** The environment without any locale of the developer's, plus `locale`. */
function environment(locale: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  return { ...env, ...locale };
}

function run(args: string[], cwd: string, locale: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: environment(locale) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// A JSON syntax error, and a template whose Resource names a stream by !Ref.
const BROKEN = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "kinesis:ListStreams", "Resource": "*"}]}';
const TEMPLATE = `Resources:
  Orders:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
  Reader:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: kinesis:DescribeStreamSummary
            Resource: !Ref Orders
`;

describe('kinesis-policy in the display language', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinesis-policy-locale-'));
    writeFileSync(join(dir, 'broken.json'), BROKEN);
    writeFileSync(join(dir, 'stack.yaml'), TEMPLATE);
  });

  it('speaks Simplified Chinese with --locale zh-cn: the messages, the severity and the summary, in the same shape', () => {
    const { status, stdout } = run(['check', '--locale', 'zh-cn', 'broken.json', 'stack.yaml'], dir);
    assert.equal(status, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'broken.json:1:60 错误 json/syntax-error JSON 语法错误：缺少逗号。');
    assert.equal(
      lines[1],
      'stack.yaml:14:23 错误 template/ref-not-arn !Ref Orders 给出的是该流的名称，而不是其 ARN，而 IAM 在 Resource 中只接受 ARN（或 "*"）：它会拒绝该策略。请使用 !GetAtt Orders.Arn。',
    );
    assert.equal(lines[2], '已检查 2 个策略：2 个错误，0 个警告，0 条说明。');
  });

  it('keeps JSON and SARIF machine-readable: codes, severities and field names in English', () => {
    const json = JSON.parse(run(['check', '--locale', 'zh-cn', '--format', 'json', 'broken.json'], dir).stdout) as { severity: string; code: string; message: string }[];
    assert.deepEqual(json.map((p) => [p.severity, p.code]), [['error', 'json/syntax-error']]);
    assert.equal(json[0].message, 'JSON 语法错误：缺少逗号。');
    const sarif = JSON.parse(run(['check', '--locale', 'zh-cn', '--format', 'sarif', 'broken.json'], dir).stdout) as { runs: { results: { ruleId: string; level: string }[] }[] };
    assert.deepEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.level]), [['json/syntax-error', 'error']]);
  });

  it('follows the environment: LANG=zh_CN.UTF-8 gives Chinese, LC_ALL=C English, and --locale en wins over both', () => {
    assert.equal(run(['check', 'broken.json'], dir, { LANG: 'zh_CN.UTF-8' }).stdout.split('\n')[1], '已检查 1 个策略：1 个错误，0 个警告，0 条说明。');
    assert.equal(run(['check', 'broken.json'], dir, { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }).stdout, 'broken.json:1:60 error json/syntax-error JSON syntax error: comma expected.\n1 policy checked: 1 error, 0 warnings, 0 notes.\n');
    assert.equal(run(['check', '--locale', 'en', 'broken.json'], dir, { LANG: 'zh_CN.UTF-8' }).stdout.split('\n')[1], '1 policy checked: 1 error, 0 warnings, 0 notes.');
    assert.equal(run(['check', 'broken.json'], dir).stdout.split('\n')[1], '1 policy checked: 1 error, 0 warnings, 0 notes.');
  });

  it('tells usage errors and the help in Chinese', () => {
    const usage = run(['check', '--locale', 'zh-cn'], dir);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^kinesis-policy: 请至少指定一个要检查的文件或文件夹。\n\n用法：kinesis-policy check/);
    // A --locale it does not know is told in the environment's language.
    assert.match(run(['check', '--locale', 'xx', '.'], dir, { LANG: 'zh_CN.UTF-8' }).stderr, /^kinesis-policy: --locale："xx" 不是 en、zh-cn 之一。/);
    assert.match(run(['--help', '--locale', 'zh-cn'], dir).stdout, /^ {2}--locale en\|zh-cn {12}消息的语言/m);
  });

  it('answers access questions in Chinese, the decision words of JSON kept', () => {
    const stream = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';
    const text = run(['access', '--locale', 'zh-cn', '--action', 'kinesis:PutRecord', '--resource', stream], dir);
    assert.equal(text.status, 1);
    assert.equal(text.stdout, `对 ${stream} 执行 kinesis:PutRecord：不允许（没有语句允许该请求）\n1 个请求中有 0 个被允许。\n`);
    const json = JSON.parse(run(['access', '--locale', 'zh-cn', '--format', 'json', '--action', 'kinesis:PutRecord', '--resource', stream], dir).stdout) as { results: { decision: string }[] };
    assert.equal(json.results[0].decision, 'implicitly-denied');
  });
});
