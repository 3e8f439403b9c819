import * as l10n from '@vscode/l10n';
import { parseArgs as parseNodeArgs } from 'node:util';
import { contextFromPairs, type AccessQuestion, type ContextValues } from '../../../common/src/access';
import { ACCESS_JOBS, KCL_VERSIONS } from '../../../common/src/choices';
import { oneOf, usage, UsageError } from './usage';

/** The question of `access`, with where its policies are and how to print the answers. */
export interface AccessOptions extends AccessQuestion {
  format: 'text' | 'json';
  identityPolicies: string[];
  resourcePolicies: string[];
}

export interface AccessTestOptions {
  format: 'text' | 'json' | 'sarif';
  paths: string[];
}

const ACCESS_OPTIONS = {
  action: { type: 'string', multiple: true, default: [] as string[] },
  job: { type: 'string' },
  'kcl-version': { type: 'string', default: '3.x' },
  resource: { type: 'string' },
  table: { type: 'string' },
  consumer: { type: 'string' },
  principal: { type: 'string' },
  'identity-policy': { type: 'string', multiple: true, default: [] as string[] },
  'resource-policy': { type: 'string', multiple: true, default: [] as string[] },
  context: { type: 'string', multiple: true, default: [] as string[] },
  absent: { type: 'string', multiple: true, default: [] as string[] },
  format: { type: 'string', default: 'text' },
} as const;

/** `access`: what to ask, and of which policies. */
export function parseAccessArgs(args: readonly string[]): AccessOptions {
  const { values, positionals } = usage(() => parseNodeArgs({ args: [...args], options: ACCESS_OPTIONS, allowPositionals: true, strict: true }));
  if (positionals.length > 0) throw new UsageError(l10n.t('access takes no file names without an option: "{0}"; name policies with --identity-policy or --resource-policy.', positionals[0]));
  const actions = values.action;
  if (actions.length > 0 && values.job) throw new UsageError(l10n.t('Ask about --action or a --job, not both.'));
  if (actions.length === 0 && !values.job) throw new UsageError(l10n.t('Name an --action (or several), or a --job.'));
  for (const action of actions) {
    if (!/^[a-zA-Z0-9-]+:[a-zA-Z0-9]+$/.test(action)) throw new UsageError(l10n.t('--action takes one action, service:Action, such as kinesis:GetRecords, not "{0}"; for all a job needs, use --job.', action));
  }
  if (!values.resource) throw new UsageError(l10n.t('Name the --resource: the ARN the actions are on.'));
  if (values.resource !== '*' && !values.resource.startsWith('arn:')) throw new UsageError(l10n.t('--resource takes an ARN (or * for an action that takes none), not "{0}".', values.resource));
  const principal = values.principal;
  if (principal !== undefined && !/^\d{12}$/.test(principal) && !/^arn:[a-z-]+:(?:iam|sts)::\d{12}:/.test(principal)) {
    throw new UsageError(l10n.t('--principal takes a role, user or assumed-role ARN, or a 12-digit account id, not "{0}".', principal));
  }
  if (values.job?.startsWith('cross-account') && principal === undefined) throw new UsageError(l10n.t('--job {0} asks for another account: give its --principal.', values.job));
  return {
    format: oneOf('--format', values.format, ['text', 'json']),
    actions,
    job: values.job === undefined ? undefined : oneOf('--job', values.job, ACCESS_JOBS),
    kclVersion: oneOf('--kcl-version', values['kcl-version'], KCL_VERSIONS),
    resource: values.resource,
    table: values.table,
    consumer: values.consumer,
    principal,
    identityPolicies: values['identity-policy'],
    resourcePolicies: values['resource-policy'],
    context: contextOf(values.context, values.absent),
  };
}

/** `test`: the access-test files or folders to run. */
export function parseAccessTestArgs(args: readonly string[]): AccessTestOptions {
  const options = { format: { type: 'string', default: 'text' } } as const;
  const { values, positionals } = usage(() => parseNodeArgs({ args: [...args], options, allowPositionals: true, strict: true }));
  if (positionals.length === 0) throw new UsageError(l10n.t('Name at least one *.access.json file, or a folder of them.'));
  return { format: oneOf('--format', values.format, ['text', 'json', 'sarif']), paths: positionals };
}

/** The request context of --context and --absent, which must not both name a key. */
function contextOf(pairs: readonly string[], absent: readonly string[]): ContextValues {
  const given = contextFromPairs(pairs);
  if (typeof given === 'string') throw new UsageError(`--context: ${given}`);
  const both = absent.find((key) => Object.keys(given).some((k) => k.toLowerCase() === key.toLowerCase()));
  if (both !== undefined) throw new UsageError(l10n.t('{0} is given with --context and --absent: the request has it or not.', both));
  return { ...given, ...Object.fromEntries(absent.map((key) => [key, null])) };
}


