import * as l10n from '@vscode/l10n';
import { MarkupKind, Range, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../catalog/iamCatalog';
import { policyAt } from '../policy/policyAt';
import type { PolicyModel, StatementModel } from '../policy/policyModel';
import { actionHoverText } from './actionHover';
import { arnHoverText } from './arnHover';
import { conditionKeyHoverText, operatorHoverText } from './conditionHover';
import { statementHoverText } from './statementHover';

/** Hover for the string under the cursor: an action, an ARN, a condition operator or key, what a statement grants. */
export function doHover(document: TextDocument, position: Position, model: PolicyModel, catalog: IamCatalog): Hover | null {
  if (!model.isPolicy || !model.root) return null;
  const { string: s, isKey, statement, rest } = policyAt(model, document.offsetAt(position));
  const text = s && statement ? statementHover(catalog, s.value, isKey, rest, statement) : undefined;
  if (!s || !text) return null;
  const { node } = s;
  return {
    contents: { kind: MarkupKind.Markdown, value: text },
    range: Range.create(document.positionAt(node.offset), document.positionAt(node.offset + node.length)),
  };
}

function statementHover(catalog: IamCatalog, value: string, isKey: boolean, rest: (string | number)[], statement: StatementModel): string | undefined {
  const element = rest[0];
  if (isKey) {
    if (element === 'Condition' && rest.length === 1) return operatorHoverText(value);
    if (element === 'Condition' && rest.length === 2) return conditionKeyHoverText(catalog, value, statement);
    return undefined;
  }
  if ((element === 'Effect' || element === 'Sid') && rest.length === 1) return statementHoverText(catalog, statement);
  if (element === 'Action' || element === 'NotAction') return actionHoverText(catalog, value);
  if (value === '*' && (element === 'Resource' || element === 'NotResource')) {
    return l10n.t('**`*`** — every resource. Actions that take no resource ARN need it.');
  }
  if (value === '*' && (element === 'Principal' || element === 'NotPrincipal')) {
    return l10n.t('**`*`** — everyone, including anonymous users. Not allowed in Kinesis resource-based policies.');
  }
  return value.startsWith('arn:') ? arnHoverText(catalog, value) : undefined;
}
