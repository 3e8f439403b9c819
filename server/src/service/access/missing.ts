import * as l10n from '@vscode/l10n';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { uniqueSid } from '../codeActions/fixes/fix';
import { appendStatements } from '../codeActions/statements';
import { PolicyTransaction } from '../codeActions/transaction';
import type { AccessResult, PolicyFile } from './checkAccess';

/** The edit that adds what a job lacks to one of its policy files. */
export interface MissingFix {
  file: string;
  title: string;
  edits: TextEdit[];
}

/**
 * What to add so that the requests no policy allows are allowed: Allow statements for them (one
 * per resource) in the principal's first identity policy, and, across accounts, statements naming
 * the principal in the resource's first policy. An explicit Deny, or a request that depends on
 * conditions, is left to a person.
 */
export function missingFixes(results: readonly AccessResult[], identity: readonly PolicyFile[], resource: readonly PolicyFile[], principal: string | undefined): MissingFix[] {
  const missing = results.filter((r) => r.decision === 'implicitly-denied');
  const lacks = (r: AccessResult, side: 'identity' | 'resource') => !r.statements.some((s) => s.effect === 'Allow' && s.policy === side);
  const fixes: MissingFix[] = [];
  const identityGaps = missing.filter((r) => lacks(r, 'identity'));
  if (identityGaps.length > 0 && identity[0]) fixes.push(fixFor(identity[0], identityGaps, undefined));
  const resourceGaps = missing.filter((r) => r.crossAccount && lacks(r, 'resource'));
  if (resourceGaps.length > 0 && resource[0] && principal) fixes.push(fixFor(resource[0], resourceGaps, principal));
  return fixes;
}

function fixFor(file: PolicyFile, gaps: readonly AccessResult[], principal: string | undefined): MissingFix {
  const byResource = new Map<string, string[]>();
  for (const gap of gaps) byResource.set(gap.resource, [...(byResource.get(gap.resource) ?? []), gap.action]);
  const tx = new PolicyTransaction(file.model.text);
  const used = new Set(file.model.statements.map((s) => s.sid?.value));
  const statements = [...byResource].map(([resource, actions]) => {
    const Sid = uniqueSid(used, principal ? 'SharedByCheckAccess' : 'AddedByCheckAccess');
    used.add(Sid);
    return { Sid, Effect: 'Allow', ...(principal ? { Principal: { AWS: principal } } : {}), Action: actions.length === 1 ? actions[0] : actions, Resource: resource };
  });
  appendStatements(tx, statements);
  const count = gaps.length;
  const name = file.file.split('/').pop() ?? file.file;
  return {
    file: file.file,
    title: count === 1 ? l10n.t('Add the missing permission to {0}', name) : l10n.t('Add the {0} missing permissions to {1}', count, name),
    edits: tx.edits(TextDocument.create(file.file, 'json', 0, file.model.text)),
  };
}
