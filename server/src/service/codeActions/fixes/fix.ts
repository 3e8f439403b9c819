import type { IamCatalog } from '../../catalog/iamCatalog';
import type { DiagnosticSettings } from '../../diagnostics/engine/settings';
import type { PolicyModel } from '../../policy/policyModel';
import type { PolicyTransaction } from '../transaction';

/** What a quick fix knows of its diagnostic: the code, the data the rule left, where it starts. */
export interface FixContext {
  model: PolicyModel;
  catalog: IamCatalog;
  settings: DiagnosticSettings;
  code: string;
  data: Record<string, unknown>;
  /** Offset of the diagnostic's start in the text the fix first applies to. */
  offset: number;
}

export interface QuickFix {
  title: string;
  preferred?: boolean;
  /** Makes the change; leaves the text as it was when the fix no longer applies. */
  apply(tx: PolicyTransaction): void;
}

/** The fixes for one rule's diagnostic; none when nothing sensible can be done. */
export type FixProvider = (context: FixContext) => QuickFix[];

/**
 * For fix-all: the first fixes of several diagnostics of one rule in one statement, made as one
 * change with the result of making them one after another. Undefined when it cannot be done.
 */
export type StatementFixProvider = (contexts: readonly FixContext[]) => QuickFix | undefined;

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A Sid not yet used in the policy (or among `used`): `base`, else `base2`, `base3`, ... */
export function uniqueSid(model: PolicyModel | ReadonlySet<string | undefined>, base: string): string {
  const used = model instanceof Set ? model : new Set((model as PolicyModel).statements.map((s) => s.sid?.value));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}
