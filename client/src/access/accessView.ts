import * as vscode from 'vscode';
import type { AccessQuestion, AccessResult, DecidingStatement } from '../../../common/src/access';
import type { CheckAccessResult } from '../../../common/src/protocol';
import { sentences } from '../sentences';

type Node =
  | { kind: 'question'; question: AccessQuestion; answers: AccessResult[] }
  | { kind: 'answer'; answer: AccessResult }
  | { kind: 'statement'; statement: DecidingStatement }
  | { kind: 'problem'; text: string }
  | { kind: 'fix'; fix: CheckAccessResult['fixes'][number] };

/** The command a fix item runs (registered with the view, not in the palette). */
export const APPLY_ACCESS_FIX = 'kinesisPolicy.applyAccessFix';

const DECISION: Record<AccessResult['decision'], { text: () => string; icon: string; color?: string }> = {
  allowed: { text: () => vscode.l10n.t('allowed'), icon: 'pass', color: 'testing.iconPassed' },
  'explicitly-denied': { text: () => vscode.l10n.t('denied by an explicit Deny'), icon: 'error', color: 'testing.iconFailed' },
  'implicitly-denied': { text: () => vscode.l10n.t('not allowed: no statement allows it'), icon: 'circle-slash', color: 'testing.iconFailed' },
  conditional: { text: () => vscode.l10n.t('depends on conditions the request leaves open'), icon: 'question', color: 'testing.iconQueued' },
};

/**
 * The "Kinesis Access" view: the last question asked, each request's answer, and under it the
 * statements that decided it (a click opens the policy at the statement).
 */
export class AccessView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private question: AccessQuestion | undefined;
  private result: CheckAccessResult = { answers: [], problems: [], fixes: [] };

  show(question: AccessQuestion, result: CheckAccessResult): void {
    this.question = question;
    this.result = result;
    this.changed.fire(undefined);
  }

  /** The answers shown: for the extension's tests. */
  get shown(): CheckAccessResult {
    return this.result;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (!this.question) return [];
      return [
        { kind: 'question', question: this.question, answers: this.result.answers },
        ...this.result.answers.map((answer): Node => ({ kind: 'answer', answer })),
        ...this.result.fixes.map((fix): Node => ({ kind: 'fix', fix })),
        ...this.result.problems.map((text): Node => ({ kind: 'problem', text })),
      ];
    }
    return node.kind === 'answer' ? node.answer.statements.map((statement): Node => ({ kind: 'statement', statement })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'question': {
        const { question, answers } = node;
        const allowed = answers.filter((a) => a.decision === 'allowed').length;
        const item = new vscode.TreeItem(vscode.l10n.t('{0}: {1} of {2} allowed', question.principal ?? vscode.l10n.t("The resource's own account"), allowed, answers.length));
        item.description = question.job ? `${question.job}${question.job === 'kcl-consumer' ? ` (KCL ${question.kclVersion ?? '3.x'})` : ''}` : question.actions?.join(', ');
        item.tooltip = new vscode.MarkdownString(
          [vscode.l10n.t('**Principal:** {0}', question.principal ?? vscode.l10n.t("the resource's own account")), vscode.l10n.t('**Resource:** {0}', `\`${question.resource}\``), ...Object.entries(question.context ?? {}).map(([k, v]) => `**${k}** = ${JSON.stringify(v)}`)].join('\n\n'),
        );
        item.iconPath = new vscode.ThemeIcon('shield');
        return item;
      }
      case 'answer': {
        const { answer } = node;
        const decision = DECISION[answer.decision];
        const or = answer.alternatives?.length ? ` ${vscode.l10n.t('(or {0})', answer.alternatives.join(', '))}` : '';
        const item = new vscode.TreeItem(`${answer.action}${or}`, answer.statements.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.description = `${decision.text()} — ${answer.resource}`;
        item.tooltip = sentences(
          vscode.l10n.t('{0} on {1}: {2}.', answer.action, answer.resource, decision.text()),
          answer.crossAccount && vscode.l10n.t("Across accounts: the principal's and the resource's policies must both allow."),
        );
        item.iconPath = new vscode.ThemeIcon(decision.icon, decision.color ? new vscode.ThemeColor(decision.color) : undefined);
        return item;
      }
      case 'statement': {
        const { statement } = node;
        const uri = vscode.Uri.parse(statement.file);
        const item = new vscode.TreeItem(`${statement.effect}${statement.sid ? ` "${statement.sid}"` : ''}`);
        const policy = statement.policy === 'identity' ? vscode.l10n.t('identity policy') : vscode.l10n.t('resource policy');
        item.description = `${vscode.workspace.asRelativePath(uri)}:${statement.line} · ${policy}${statement.conditional ? ` · ${vscode.l10n.t('under conditions')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(statement.effect === 'Deny' ? 'debug-breakpoint' : 'check');
        if (statement.conditions?.length) {
          item.description += ` · ${vscode.l10n.t('when {0}', statement.conditions.join(vscode.l10n.t(' and ')))}`;
          item.tooltip = vscode.l10n.t('Applies only when {0}. Give these keys in the request context to settle it.', statement.conditions.join(vscode.l10n.t(', and ')));
        }
        const at = new vscode.Position(statement.line - 1, 0);
        item.command = { title: vscode.l10n.t('Open the statement'), command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at) }] };
        return item;
      }
      case 'fix': {
        const item = new vscode.TreeItem(node.fix.title);
        item.iconPath = new vscode.ThemeIcon('wrench');
        item.tooltip = vscode.l10n.t('Adds Allow statements for exactly the requests no policy allows. Explicit Denies and open conditions are left to you.');
        item.command = { title: node.fix.title, command: APPLY_ACCESS_FIX, arguments: [node.fix] };
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
    }
  }
}
