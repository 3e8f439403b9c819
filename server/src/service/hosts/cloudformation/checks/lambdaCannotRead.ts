import * as l10n from '@vscode/l10n';
import { parseArn } from '../../../catalog/arn';
import { LAMBDA_CONSUMER_ACTIONS, LAMBDA_KINESIS_MANAGED_POLICY, LAMBDA_STREAM_ACTIONS } from '../../../kinesis/kinesisFacts';
import { intrinsicOf, resolveString, type TemplateSymbols } from '../intrinsics';
import { functionRole, samAdded } from '../principals';
import { entry, stringValue, type TemplateNode } from '../templateTree';
import { alternatives, series } from '../../../l10n';
import { templateCheck, unseenPolicies, type TemplateFinding } from './check';

/**
 * A Lambda function that reads a Kinesis stream (an `AWS::Lambda::EventSourceMapping`, or a SAM
 * function's `Kinesis` event) reads it with its execution role: the role needs to describe the
 * stream and read its shards, and SubscribeToShard on an enhanced fan-out consumer it reads
 * through. Without them the mapping fails. [LAMBDA-KINESIS]
 */
export const lambdaCannotRead = templateCheck({
  code: 'template/lambda-cannot-read',
  defaultSeverity: 'warning',
  check({ template, access }) {
    const findings: TemplateFinding[] = [];
    for (const { fn, source } of eventSources(template.symbols)) {
      const role = functionRole(fn, template.symbols);
      const arn = resolveString(source, template.symbols);
      const parts = arn === undefined ? undefined : parseArn(arn);
      if (!role || !arn || parts?.service !== 'kinesis' || !parts.resource.startsWith('stream/')) continue;
      const consumer = arn.includes('/consumer/') ? arn : undefined;
      const stream = consumer ? consumer.slice(0, consumer.indexOf('/consumer/')) : arn;
      const requests = [
        ...LAMBDA_STREAM_ACTIONS.map((request) => ({ ...request, resource: stream, literal: false })),
        ...(consumer ? LAMBDA_CONSUMER_ACTIONS.map((action) => ({ action, resource: consumer, literal: false })) : []),
      ];
      // AWSLambdaKinesisExecutionRole is published: what it grants is known, whatever the template holds.
      const unknown = access.unknown(role);
      const managed = unknown.filter((name) => name === LAMBDA_KINESIS_MANAGED_POLICY.name || name === samAdded(LAMBDA_KINESIS_MANAGED_POLICY.name) || name.endsWith(`/${LAMBDA_KINESIS_MANAGED_POLICY.name}`));
      const granted: readonly string[] = managed.length > 0 ? LAMBDA_KINESIS_MANAGED_POLICY.actions : [];
      const missing = access.denied(role, requests).filter((r) => ![r.action, ...(r.alternatives ?? [])].some((a) => granted.includes(a)));
      if (missing.length === 0) continue;
      const { note, severity } = unseenPolicies(unknown.filter((name) => !managed.includes(name)));
      const lacking = series(missing.map((m) => alternatives([m.action, ...(m.alternatives ?? [])])));
      findings.push({
        start: source.start,
        end: source.end,
        severity,
        message:
          role === fn
            ? l10n.t(
                'Lambda reads this stream for function {0} with its role, which cannot {1} on it{2}: the event source mapping fails. Grant them to the role (the AWSLambdaKinesisExecutionRole managed policy has them).',
                fn,
                lacking,
                note,
              )
            : l10n.t(
                'Lambda reads this stream for function {0} with its role {1}, which cannot {2} on it{3}: the event source mapping fails. Grant them to the role (the AWSLambdaKinesisExecutionRole managed policy has them).',
                fn,
                role,
                lacking,
                note,
              ),
      });
    }
    return findings;
  },
});

/** Every function reading a stream, with the value that names the stream. */
function eventSources(symbols: TemplateSymbols): { fn: string; source: TemplateNode }[] {
  const sources: { fn: string; source: TemplateNode }[] = [];
  for (const [name, resource] of symbols.resources) {
    if (resource.type === 'AWS::Lambda::EventSourceMapping') {
      const fn = functionNamed(entry(resource.properties, 'FunctionName'), symbols);
      const source = entry(resource.properties, 'EventSourceArn');
      if (fn && source) sources.push({ fn, source });
    }
    // SAM gives a function without a Role a role of its own with AWSLambdaKinesisExecutionRole
    // for its Kinesis events (see SAM_EVENT_POLICIES): that role can read any stream.
    if (resource.type === 'AWS::Serverless::Function' && entry(resource.properties, 'Role')) {
      const events = entry(resource.properties, 'Events');
      for (const event of events?.type === 'map' ? events.entries : []) {
        if (stringValue(entry(event.value, 'Type')) !== 'Kinesis') continue;
        const source = entry(entry(event.value, 'Properties'), 'Stream');
        if (source) sources.push({ fn: name, source });
      }
    }
  }
  return sources;
}

/** The template's function a `FunctionName` names: by `!Ref`, `!GetAtt F.Arn`, or its name. */
function functionNamed(node: TemplateNode | undefined, symbols: TemplateSymbols): string | undefined {
  const intrinsic = intrinsicOf(node);
  if (intrinsic?.name === 'Ref') return stringValue(intrinsic.argument);
  if (intrinsic?.name === 'Fn::GetAtt') {
    const argument = intrinsic.argument;
    const dotted = stringValue(argument);
    return dotted !== undefined ? dotted.split('.')[0] : argument?.type === 'seq' ? stringValue(argument.items[0]) : undefined;
  }
  const name = stringValue(node);
  return [...symbols.resources].find(([, r]) => stringValue(entry(r.properties, 'FunctionName')) === name)?.[0];
}
