import * as l10n from '@vscode/l10n';
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


/** The help text: what each command does and takes, in the display language. */
export function usageText(): string {
  return l10n.t(
    'Usage: kinesis-policy check [options] <files or folders...>\n       kinesis-policy access --action ACTION [--action ACTION]... --resource ARN [options]\n       kinesis-policy access --job JOB --resource STREAM_ARN [--table TABLE_ARN] [options]\n       kinesis-policy test [--format text|json|sarif] <*.access.json files or folders...>\n\ncheck: checks AWS IAM policies for Amazon Kinesis Data Streams: policy files, and the policies in\nCloudFormation and SAM templates (YAML or JSON, CDK output in cdk.out included) and Terraform\nfiles. Folders are searched for .json, .yaml, .yml, .template and .tf files; files that hold no\npolicy are skipped.\n\n  --format text|json|sarif     output format (default: text)\n  --kind auto|identity|resource|vpc-endpoint\n                               how to read policy files (default: auto: *.resource-policy.json,\n                               *.stream-policy.json, *.vpce-policy.json and *-endpoint-policy.json\n                               files by their names, others from their content); a template\'s\n                               policies are read as their place in it says\n  --kcl-version auto|1.x|2.x|3.x|none\n                               the KCL whose permissions consumers need (default: auto, what\n                               every version needs, and a note on what KCL 3.x needs beyond it)\n  --rule CODE=SEVERITY         change a rule\'s severity: error, warning, information, hint, off\n                               (repeatable)\n\naccess: answers offline whether a principal may do the actions on the resource, as IAM decides\nit from the policies given.\n\n  --action ACTION              an action to ask about, such as kinesis:GetRecords (repeatable)\n  --job JOB                    every request of a job: {0}\n  --kcl-version 1.x|2.x|3.x    for --job kcl-consumer (default: 3.x)\n  --resource ARN               the resource; for a job, the stream\n  --table ARN                  the KCL lease table, for --job kcl-consumer\n  --consumer NAME[:TIMESTAMP]  the enhanced fan-out consumer (or its ARN), for --job efo-consumer\n                               (default: any)\n  --principal ARN              who asks: a role, user or account; its account decides whether the\n                               request crosses accounts (default: the resource\'s own account)\n  --identity-policy FILE       a policy attached to the principal (repeatable)\n  --resource-policy FILE       a policy attached to the resource (repeatable)\n  --context KEY=VALUE          a condition key of the request, such as aws:SecureTransport=true\n                               (repeatable; a key given twice has both values)\n  --absent KEY                 a condition key the request does not have (repeatable)\n  --format text|json           output format (default: text)\n\ntest: runs the access tests of *.access.json files (folders are searched for them).\n\n  --format text|json|sarif     output format (default: text)\n\n  --locale en|zh-cn            the language of messages (default: from LC_ALL, LC_MESSAGES or\n                               LANG, as zh_CN.UTF-8 asks for zh-cn; English otherwise)\n  -h, --help                   show this help\n  -v, --version                show the version\n\nExit status: check: 0 without errors, 1 with errors (a JSON syntax error in a policy counts);\naccess: 0 when every action is allowed, 1 when any is not (denied, not allowed, or depending on\nconditions the context leaves open); test: 0 when every test holds, 1 otherwise; all: 2 for a\nusage error or a file that cannot be read.',
    ACCESS_JOBS.join(', '),
  );
}

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
      if (locale === undefined || locale.startsWith('-')) throw new UsageError(l10n.t('--locale needs a value: en or zh-cn.'));
    } else if (arg.startsWith('--locale=')) locale = arg.slice('--locale='.length);
    else rest.push(arg);
  }
  if (locale !== undefined && !['en', 'zh-cn'].includes(locale.toLowerCase())) throw new UsageError(l10n.t('--locale: "{0}" is not one of en, zh-cn.', locale));
  return { locale, rest };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help' };
  if (command === 'access') return { command: 'access', options: parseAccessArgs(rest) };
  if (command === 'test') return { command: 'test', options: parseAccessTestArgs(rest) };
  if (command !== 'check') throw new UsageError(l10n.t('Unknown command "{0}".', command));
  const { values, positionals } = usage(() => parseNodeArgs({ args: [...rest], options: CHECK_OPTIONS, allowPositionals: true, strict: true }));
  if (values.help) return { command: 'help' };
  const rules: Record<string, RuleSeverity> = {};
  for (const spec of values.rule) {
    const [code, severity] = spec.split('=');
    if (![...RULES, ...TEMPLATE_CHECKS].some((r) => r.code === code)) throw new UsageError(l10n.t('--rule: unknown rule "{0}".', code));
    rules[code] = oneOf('--rule', severity ?? '', RULE_SEVERITIES);
  }
  if (positionals.length === 0) throw new UsageError(l10n.t('Name at least one file or folder to check.'));
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

