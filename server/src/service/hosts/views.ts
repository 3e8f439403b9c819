import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PolicyKindSetting } from '../../../../common/src/choices';
import type { DiagnosticSettings, RuleSeverity } from '../diagnostics/engine/settings';
import { RULES } from '../diagnostics/rules';
import type { PolicyModel } from '../policy/policyModel';
import type { OffsetMap } from './offsetMap';
import type { TemplateNode } from './cloudformation/templateTree';
import { keysSettled } from './cloudformation/streamKeys';
import { series } from '../l10n';
import { statementsEdit, structuralEdit, textStructuralEdit } from './cloudformation/yamlEdits';
import { isJsonText } from './terraform/terraformHost';
import { hclStructuralEdit } from './terraform/hclEdits';
import type { CheckedDiagnostics, EmbeddedPolicy, PrincipalView, TemplateDocument } from './hostModel';

/**
 * What the features run on in a template: a JSON document standing for part of it (one policy,
 * or a principal's policies together), with how to map its answers back into the template.
 */
export interface HostView {
  document: TextDocument;
  model: PolicyModel;
  map: OffsetMap;
  /** The template's nodes this view's text was written from: where its strings are. */
  nodes: readonly TemplateNode[];
  /** Whether the text is the template's own, copied (a JSON template's policy): then any span copied exactly can be edited as it is. */
  copied: boolean;
  /** The settings the rules run with here. */
  settings(settings: DiagnosticSettings): DiagnosticSettings;
  /** Said after each message: whose policies were judged, where the CDK put them. */
  suffix?: string;
  /**
   * Whether the findings are notes at most: what the principal lacks may be granted by policies
   * the template does not hold.
   */
  uncertain?: boolean;
  /** An edit of this view that changes the policy's structure, made in the template, if it can be. */
  structural(edits: TextEdit[]): { start: number; end: number; text: string } | undefined;
  /** Where a policy's last diagnostics are kept, with what decided them beyond the run's settings. */
  memo?: { holder: { checked?: CheckedDiagnostics }; key: string };
  /** Which statements may be inserted: identity ones in an identity policy, sharing ones in a Kinesis resource policy. */
  inserts: 'identity' | 'kinesis-resource' | 'none';
}

/** The rules that judge what a principal can do (see `PolicyRule.judges`). */
const PRINCIPAL_CODES = new Set<string>(RULES.filter((r) => r.judges === 'principal').map((r) => r.code));

/** Which rules a view turns off: none, those that judge a principal, all others, or all. */
type RulesOff = 'none' | 'principal' | 'all-but-principal' | 'all';

/**
 * The user's rules with some turned off, one object for each: a template's thousands of views are
 * each checked with one (a copy each was 9 MB of a 1 MB template's first check, and the settings'
 * signature writes it out: see `settingsSignature`).
 */
function rulesWith(rules: DiagnosticSettings['rules'], off: RulesOff): DiagnosticSettings['rules'] {
  let made = RULES_WITH.get(rules);
  if (!made) RULES_WITH.set(rules, (made = new Map<RulesOff, DiagnosticSettings['rules']>()));
  let result = made.get(off);
  if (!result) {
    const written: Record<string, RuleSeverity> = { ...rules };
    for (const rule of RULES) {
      const principal = PRINCIPAL_CODES.has(rule.code);
      if (off === 'all' || (off === 'principal' && principal) || (off === 'all-but-principal' && !principal)) written[rule.code] = 'off';
    }
    made.set(off, (result = written));
  }
  return result;
}

const RULES_WITH = new WeakMap<DiagnosticSettings['rules'], Map<RulesOff, DiagnosticSettings['rules']>>();

export function policyView(template: TemplateDocument, policy: EmbeddedPolicy): HostView {
  return new PolicyView(template, policy);
}

/**
 * A policy's view. A template's check makes one for each of its policies at every keystroke, and
 * most only hand back the diagnostics kept with their policy: what the features read is worked out
 * when they ask (as an object of closures, the views of 1,600 policies were 0.8 MB a keystroke).
 */
class PolicyView implements HostView {
  constructor(
    private readonly template: TemplateDocument,
    private readonly policy: EmbeddedPolicy,
  ) {}

  get document(): TextDocument {
    return this.policy.document;
  }

  get model(): PolicyModel {
    return this.policy.model;
  }

  get map(): OffsetMap {
    return this.policy.map;
  }

  get nodes(): readonly TemplateNode[] {
    return [this.policy.node];
  }

  get copied(): boolean {
    return this.template.format === 'json' && !this.policy.node.synthetic;
  }

  get suffix(): string | undefined {
    return this.policy.cdkPath;
  }

  get memo(): { holder: EmbeddedPolicy; key: string } {
    const { policy } = this;
    return { holder: policy, key: memoKey(policy.kind, policy.judgedAlone, policy.lambda, this.judged) };
  }

  get inserts(): HostView['inserts'] {
    const { policy } = this;
    return policy.node.synthetic ? 'none' : policy.kind === 'identity' ? 'identity' : policy.resourceType === 'AWS::Kinesis::ResourcePolicy' || policy.sharing ? 'kinesis-resource' : 'none';
  }

  /** A policy of the template's principals: template/stream-key-access judges what it grants on a stream's own key. */
  private get judged(): boolean {
    return this.template.owners(this.policy).length > 0;
  }

  settings(settings: DiagnosticSettings): DiagnosticSettings {
    const { template, policy } = this;
    // Where a policy sits says what it is; a role's policies with others are judged with them (principalView).
    // SAM's own statements are not the user's to answer for: they count only in their principal's view.
    const off: RulesOff = policy.node.synthetic ? 'all' : policy.kind === 'identity' && (!policy.judgedAlone || policy.partial) ? 'principal' : 'none';
    const kindPlace = `${policy.resourceType} ${policy.path.replace(/^Properties\./, '')}`;
    return withKind(template, settings, policy.kind, off, { model: policy.model, judged: this.judged }, { kindPlace, lambdaRole: policy.lambda });
  }

  structural(edits: TextEdit[]): { start: number; end: number; text: string } | undefined {
    const { template, policy } = this;
    // A SAM policy template's statements are SAM's: nothing in them is edited. HCL is edited only within its strings.
    if (policy.node.synthetic) return undefined;
    if (template.format !== 'hcl') return structuralEdit(template, policy.node, policy.document, edits);
    return isJsonText(policy.node)
      ? textStructuralEdit(template.text, true, policy.node, policy.document, edits)
      : hclStructuralEdit(template.text, policy.node, policy.document, edits, policy.resourceType === 'aws_iam_policy_document');
  }
}

/** What decides a policy's diagnostics beyond the run's settings, one string for each combination. */
function memoKey(kind: string, judgedAlone: boolean, lambda: boolean, judged: boolean): string {
  let keys = MEMO_KEYS.get(kind);
  if (!keys) MEMO_KEYS.set(kind, (keys = []));
  const index = (judgedAlone ? 4 : 0) + (lambda ? 2 : 0) + (judged ? 1 : 0);
  return (keys[index] ??= `${kind}|${judgedAlone}|${lambda}|${judged}`);
}

const MEMO_KEYS = new Map<string, string[]>();

export function principalView(template: TemplateDocument, view: PrincipalView): HostView {
  const nodes = view.policies.map((p) => p.node);
  return {
    document: view.document,
    get model() {
      return view.model;
    },
    map: view.map,
    nodes,
    copied: false,
    inserts: 'none',
    settings: (settings) => withKind(template, settings, 'identity', 'all-but-principal', { model: view.model, judged: true }, { lambdaRole: view.lambda }),
    suffix:
      view.unknown.length === 0
        ? l10n.t('{0}, with all its policies', view.label)
        : l10n.t('{0}, with all its policies but {1}, which the template does not hold and which may grant this', view.label, series(view.unknown)),
    uncertain: view.unknown.length > 0,
    structural: (edits) => statementsEdit(template, nodes, view.statements, view.document, edits),
    // A view kept from the template's last version keeps its diagnostics with it.
    memo: { holder: view, key: 'principal' },
  };
}

/** Every view of the template: each policy, and each principal with several. */
export function allViews(template: TemplateDocument): HostView[] {
  // The principals first: grouping them tells each policy whether it is judged alone.
  const principals = template.principals;
  return [...template.policies.map((p) => policyView(template, p)), ...principals.map((v) => principalView(template, v))];
}

/** The views of the template's policies, made one at a time as they are asked for (not its principals'). */
export function* policyViews(template: TemplateDocument): Generator<HostView, void, void> {
  // The principals first: grouping them tells each policy whether it is judged alone.
  void template.principals;
  for (const policy of template.policies) yield policyView(template, policy);
}

/** The views with a policy at one of these offsets of the template, those of the first offset first. */
export function viewsAt(template: TemplateDocument, ...offsets: number[]): HostView[] {
  const principals = template.principals;
  const here: EmbeddedPolicy[] = [];
  for (const offset of offsets) for (const p of template.policies) if (p.node.start <= offset && offset <= p.node.end && !here.includes(p)) here.push(p);
  return [
    ...here.map((p) => policyView(template, p)),
    ...principals.filter((v) => v.policies.some((p) => here.includes(p))).map((v) => principalView(template, v)),
  ];
}

/**
 * The settings in a template: the kind its place gives a policy, some rules off, the tables the
 * template makes, whether the streams the policy names need a KMS grant the template does not
 * settle (`keysSettled`), and what `place` adds. One object for each combination, which every view
 * of it shares (a template's views have a handful): made for each view, they were 0.5 MB of what
 * the 1 MB Terraform file's open promoted and let go.
 */
function withKind(
  template: TemplateDocument,
  settings: DiagnosticSettings,
  kind: PolicyKindSetting,
  off: RulesOff,
  keys: { model: PolicyModel; judged: boolean },
  place: { kindPlace?: string; lambdaRole: boolean },
): DiagnosticSettings {
  // A stream's own key is judged by template/stream-key-access, unless that check is turned off.
  const judged = keys.judged && settings.rules['template/stream-key-access'] !== 'off';
  const streamEncrypted = settings.streamEncrypted ?? (keysSettled(template, keys.model, judged) ? false : undefined);
  let byTables = SHARED.get(settings);
  if (!byTables) SHARED.set(settings, (byTables = new WeakMap()));
  let made = byTables.get(template.tables);
  if (!made) byTables.set(template.tables, (made = new Map<string, DiagnosticSettings>()));
  const key = `${kind}|${off}|${String(streamEncrypted)}|${place.kindPlace ?? ''}|${place.lambdaRole}`;
  let shared = made.get(key);
  if (!shared) {
    shared = { ...settings, policyKind: kind, rules: rulesWith(settings.rules, off), existingTables: template.tables, ...(streamEncrypted === undefined ? {} : { streamEncrypted }), ...place };
    made.set(key, shared);
  }
  return shared;
}

/** The settings of each combination, by the caller's settings and the template's tables (see `withKind`). */
const SHARED = new WeakMap<DiagnosticSettings, WeakMap<readonly string[], Map<string, DiagnosticSettings>>>();
