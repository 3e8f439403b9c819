import { parseArgs as parseNodeArgs } from 'node:util';
import { KCL_VERSION_SETTINGS, POLICY_KIND_SETTINGS, RULE_SEVERITIES, type KclVersionSetting, type PolicyKindSetting, type RuleSeverity } from '../../../common/src/choices';
import { RULES } from '../service';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  format: OutputFormat;
  kind: PolicyKindSetting;
  kclVersion: KclVersionSetting;
  rules: Record<string, RuleSeverity>;
  paths: string[];
}

export type ParsedArgs = { command: 'check'; options: CheckOptions } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: kinesis-policy check [options] <files or folders...>

Checks AWS IAM policies for Amazon Kinesis Data Streams. Folders are searched for .json files;
JSON files that are not IAM policies are skipped.

Options:
  --format text|json|sarif     output format (default: text)
  --kind auto|identity|resource|vpc-endpoint
                               how to read the policies (default: auto: *.resource-policy.json, *.stream-policy.json and
                               *.vpce-policy.json files by their names, others from their content)
  --kcl-version auto|1.x|2.x|3.x|none
                               the KCL whose permissions consumers need (default: auto, what
                               every version needs, and a note on what KCL 3.x needs beyond it)
  --rule CODE=SEVERITY         change a rule's severity: error, warning, information, hint, off
                               (repeatable)
  -h, --help                   show this help
  -v, --version                show the version

Exit status: 0 without errors, 1 with errors (a JSON syntax error in a policy counts),
2 for a usage error or a file that cannot be read.`;

/** The options of `check`, as Node's argument parser reads them. */
const CHECK_OPTIONS = {
  format: { type: 'string', default: 'text' },
  kind: { type: 'string', default: 'auto' },
  'kcl-version': { type: 'string', default: 'auto' },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (command !== 'check') throw new UsageError(`Unknown command "${command}".`);
  let parsed;
  try {
    parsed = parseNodeArgs({ args: [...rest], options: CHECK_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages name the option and what is wrong with it.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const rules: Record<string, RuleSeverity> = {};
  for (const spec of values.rule) {
    const [code, severity] = spec.split('=');
    if (!RULES.some((r) => r.code === code)) throw new UsageError(`--rule: unknown rule "${code}".`);
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

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} takes ${allowed.join(', ')}, not "${value}".`);
  return value as T;
}
