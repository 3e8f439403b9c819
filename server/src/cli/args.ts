import { parseArgs as parseNodeArgs } from 'node:util';
import { ACCESS_JOBS, KCL_VERSION_SETTINGS, POLICY_KIND_SETTINGS, RULE_SEVERITIES, type KclVersionSetting, type PolicyKindSetting, type RuleSeverity } from '../../../common/src/choices';
import { RULES, TEMPLATE_CHECKS } from '../service';
import { parseAccessArgs, parseAccessTestArgs, type AccessOptions, type AccessTestOptions } from './accessArgs';
import { oneOf, usage, UsageError } from './usage';

export { UsageError };

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  format: OutputFormat;
  kind: PolicyKindSetting;
  kclVersion: KclVersionSetting;
  rules: Record<string, RuleSeverity>;
  paths: string[];
}

export type ParsedArgs =
  | { command: 'check'; options: CheckOptions }
  | { command: 'access'; options: AccessOptions }
  | { command: 'test'; options: AccessTestOptions }
  | { command: 'help' }
  | { command: 'version' };


export const USAGE = `Usage: kinesis-policy check [options] <files or folders...>
       kinesis-policy access --action ACTION [--action ACTION]... --resource ARN [options]
       kinesis-policy access --job JOB --resource STREAM_ARN [--table TABLE_ARN] [options]
       kinesis-policy test [--format text|json|sarif] <*.access.json files or folders...>

check: checks AWS IAM policies for Amazon Kinesis Data Streams: policy files, and the policies in
CloudFormation and SAM templates (YAML or JSON, CDK output in cdk.out included) and Terraform
files. Folders are searched for .json, .yaml, .yml, .template and .tf files; files that hold no
policy are skipped.

  --format text|json|sarif     output format (default: text)
  --kind auto|identity|resource|vpc-endpoint
                               how to read policy files (default: auto: *.resource-policy.json,
                               *.stream-policy.json, *.vpce-policy.json and *-endpoint-policy.json
                               files by their names, others from their content); a template's
                               policies are read as their place in it says
  --kcl-version auto|1.x|2.x|3.x|none
                               the KCL whose permissions consumers need (default: auto, what
                               every version needs, and a note on what KCL 3.x needs beyond it)
  --rule CODE=SEVERITY         change a rule's severity: error, warning, information, hint, off
                               (repeatable)

access: answers offline whether a principal may do the actions on the resource, as IAM decides
it from the policies given.

  --action ACTION              an action to ask about, such as kinesis:GetRecords (repeatable)
  --job JOB                    every request of a job: ${ACCESS_JOBS.join(', ')}
  --kcl-version 1.x|2.x|3.x    for --job kcl-consumer (default: 3.x)
  --resource ARN               the resource; for a job, the stream
  --table ARN                  the KCL lease table, for --job kcl-consumer
  --consumer NAME[:TIMESTAMP]  the enhanced fan-out consumer (or its ARN), for --job efo-consumer
                               (default: any)
  --principal ARN              who asks: a role, user or account; its account decides whether the
                               request crosses accounts (default: the resource's own account)
  --identity-policy FILE       a policy attached to the principal (repeatable)
  --resource-policy FILE       a policy attached to the resource (repeatable)
  --context KEY=VALUE          a condition key of the request, such as aws:SecureTransport=true
                               (repeatable; a key given twice has both values)
  --absent KEY                 a condition key the request does not have (repeatable)
  --format text|json           output format (default: text)

test: runs the access tests of *.access.json files (folders are searched for them).

  --format text|json|sarif     output format (default: text)

  --locale en|zh-cn            the language of messages (default: from LC_ALL, LC_MESSAGES or
                               LANG, as zh_CN.UTF-8 asks for zh-cn; English otherwise)
  -h, --help                   show this help
  -v, --version                show the version

Exit status: check: 0 without errors, 1 with errors (a JSON syntax error in a policy counts);
access: 0 when every action is allowed, 1 when any is not (denied, not allowed, or depending on
conditions the context leaves open); test: 0 when every test holds, 1 otherwise; all: 2 for a
usage error or a file that cannot be read.`;

/** The options of `check`, as Node's argument parser reads them. */
const CHECK_OPTIONS = {
  format: { type: 'string', default: 'text' },
  kind: { type: 'string', default: 'auto' },
  'kcl-version': { type: 'string', default: 'auto' },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** `--locale X` (or `--locale=X`), which every command takes, and the other arguments. */
export function takeLocale(argv: readonly string[]): { locale?: string; rest: string[] } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--locale') {
      locale = argv[++i];
      if (locale === undefined || locale.startsWith('-')) throw new UsageError('--locale needs a value: en or zh-cn.');
    } else if (arg.startsWith('--locale=')) locale = arg.slice('--locale='.length);
    else rest.push(arg);
  }
  if (locale !== undefined && !['en', 'zh-cn'].includes(locale.toLowerCase())) throw new UsageError(`--locale: "${locale}" is not one of en, zh-cn.`);
  return { locale, rest };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help' };
  if (command === 'access') return { command: 'access', options: parseAccessArgs(rest) };
  if (command === 'test') return { command: 'test', options: parseAccessTestArgs(rest) };
  if (command !== 'check') throw new UsageError(`Unknown command "${command}".`);
  const { values, positionals } = usage(() => parseNodeArgs({ args: [...rest], options: CHECK_OPTIONS, allowPositionals: true, strict: true }));
  if (values.help) return { command: 'help' };
  const rules: Record<string, RuleSeverity> = {};
  for (const spec of values.rule) {
    const [code, severity] = spec.split('=');
    if (![...RULES, ...TEMPLATE_CHECKS].some((r) => r.code === code)) throw new UsageError(`--rule: unknown rule "${code}".`);
    rules[code] = oneOf('--rule', severity ?? '', RULE_SEVERITIES);
  }
  if (positionals.length === 0) throw new UsageError('Name at least one file or folder to check.');
  return {
    command: 'check',
    options: {
      format: oneOf('--format', values.format, ['text', 'json', 'sarif']),
      kind: oneOf('--kind', values.kind, POLICY_KIND_SETTINGS),
      kclVersion: oneOf('--kcl-version', values['kcl-version'], KCL_VERSION_SETTINGS),
      rules,
      paths: positionals,
    },
  };
}

