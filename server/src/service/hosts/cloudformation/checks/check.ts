import * as l10n from '@vscode/l10n';
import { series } from '../../../l10n';
import type { RuleSeverityLevel } from '../../../diagnostics/engine/rule';
import type { TemplateDocument } from '../../hostModel';
import type { PrincipalAccess } from './principalAccess';

/**
 * A check of a template as a whole, across its resources: what a function, a stream or a policy
 * needs from another resource of the template. Its code is documented in docs/rules.md like a
 * rule's, and the user's severities apply to it.
 */
export interface TemplateCheck<Code extends string = string> {
  code: Code;
  defaultSeverity: RuleSeverityLevel;
  check(context: TemplateCheckContext): TemplateFinding[];
}

export interface TemplateCheckContext {
  template: TemplateDocument;
  access: PrincipalAccess;
}

/** A finding at a span of the template, with the edit that fixes it where there is one. */
export interface TemplateFinding {
  start: number;
  end: number;
  message: string;
  severity?: RuleSeverityLevel;
  fix?: { title: string; start: number; end: number; text: string };
}

/** A template check; its code keeps its literal type, as a rule's does. */
export function templateCheck<Code extends string>(check: TemplateCheck<Code>): TemplateCheck<Code> {
  return check;
}

/** How a message names what the template does not hold of a principal's policies, and how loud it may be. */
export function unseenPolicies(unknown: readonly string[]): { note: string; severity?: RuleSeverityLevel } {
  if (unknown.length === 0) return { note: '' };
  return { note: l10n.t(' (unless {0}, which the template does not hold, grants it)', series(unknown)), severity: 'information' };
}

