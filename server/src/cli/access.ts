import * as l10n from '@vscode/l10n';
import { sentences } from '../service/l10n';
import { readFileSync } from 'node:fs';
import { checkAccess, policyFile, questionRequests, type AccessResult, type PolicyFile } from '../service/access';
import type { IamCatalog } from '../service';
import { nearest } from '../service/diagnostics/helpers/suggest';
import { choices, UsageError } from './usage';
import type { AccessOptions } from './accessArgs';

/** A policy file that cannot be used: it does not exist, is not JSON, or is not an IAM policy. */
export class PolicyFileError extends Error {}

/** Reads and parses a policy file named on the command line or in an access-test file. */
export function readPolicyFile(file: string, shown = file): PolicyFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new PolicyFileError(l10n.t('cannot read {0}: {1}', shown, (error as Error).message));
  }
  const policy = policyFile(shown, text);
  if (typeof policy === 'string') throw new PolicyFileError(policy);
  return policy;
}

/** `kinesis-policy access`: prints the answers; the exit status is 0 only when every request is allowed. */
export function runAccess(options: AccessOptions, write: (text: string) => void, catalog: IamCatalog): number {
  // An action the IAM data does not have is a typo to fix, not a request to answer.
  for (const action of options.actions ?? []) {
    if (catalog.action(action)) continue;
    const colon = action.indexOf(':');
    const service = catalog.service(action.slice(0, colon));
    const suggestion = service ? nearest(action.slice(colon + 1), service.actions.map((a) => a.name)) : undefined;
    throw new UsageError(
      sentences(l10n.t('--action: {0} is not an action in the IAM data ({1}).', action, catalog.dataDate), suggestion !== undefined && l10n.t('Did you mean {0}?', `${service?.prefix}:${suggestion}`)),
    );
  }
  const requests = questionRequests(options);
  if (typeof requests === 'string') throw new PolicyFileError(requests);
  const identity = options.identityPolicies.map((f) => readPolicyFile(f));
  const resource = options.resourcePolicies.map((f) => readPolicyFile(f));
  const results = checkAccess(identity, resource, { requests, principal: options.principal, context: options.context });
  write(options.format === 'json' ? `${JSON.stringify({ results: results.map(resultJson) }, null, 2)}\n` : formatAccessText(results));
  return results.every((r) => r.decision === 'allowed') ? 0 : 1;
}

/** The JSON of one answer, in the shape the command line promises. */
export function resultJson(result: AccessResult): Record<string, unknown> {
  return {
    action: result.action,
    resource: result.resource,
    decision: result.decision,
    statements: result.statements.map((s) => ({ file: s.file, line: s.line, sid: s.sid ?? null, effect: s.effect })),
  };
}

/** What an answer says, and for a request across accounts which half is missing. */
function said(r: AccessResult): string {
  switch (r.decision) {
    case 'allowed':
      return l10n.t('allowed');
    case 'explicitly-denied':
      return l10n.t('DENIED by an explicit Deny');
    case 'conditional':
      return l10n.t('DEPENDS on conditions or names the request leaves open');
    case 'implicitly-denied': {
      if (!r.crossAccount) return l10n.t('NOT ALLOWED: no statement allows it');
      const allows = (policy: 'identity' | 'resource') => r.statements.some((s) => s.effect === 'Allow' && s.policy === policy);
      if (allows('identity')) return l10n.t("NOT ALLOWED: the resource's policy does not allow this principal (across accounts both must)");
      if (allows('resource')) return l10n.t("NOT ALLOWED: the principal's own policies do not allow it (across accounts both must)");
      return l10n.t("NOT ALLOWED: neither the principal's policies nor the resource's allow it");
    }
  }
}

/** The answers for a person: one line per request, the deciding statements under it. */
export function formatAccessText(results: readonly AccessResult[], indent = ''): string {
  const lines: string[] = [];
  for (const r of results) {
    const action = r.alternatives?.length ? l10n.t('{0} (or {1})', r.action, choices(r.alternatives)) : r.action;
    lines.push(`${indent}${l10n.t('{0} on {1}: {2}', action, r.resource, said(r))}`);
    for (const s of r.statements) {
      const sid = s.sid ? ` "${s.sid}"` : '';
      lines.push(`${indent}  ${l10n.t('{0} at {1}:{2} ({3})', `${s.effect}${sid}`, s.file, s.line, policyOf(s.policy, s.conditional === true))}`);
      for (const condition of s.conditions ?? []) lines.push(`${indent}    ${l10n.t('when {0}', condition)}`);
    }
  }
  const allowed = results.filter((r) => r.decision === 'allowed').length;
  lines.push(`${indent}${l10n.t('{0} of {1} allowed.', allowed, results.length)}`);
  return `${lines.join('\n')}\n`;
}

/** The kind of policy a deciding statement is in, and whether it decides only in part. */
function policyOf(policy: 'identity' | 'resource', conditional: boolean): string {
  if (policy === 'identity') return conditional ? l10n.t('identity policy, only under conditions or for some of what is asked') : l10n.t('identity policy');
  return conditional ? l10n.t('resource policy, only under conditions or for some of what is asked') : l10n.t('resource policy');
}
