import { consumerCannotSubscribe } from './consumerCannotSubscribe';
import { lambdaCannotRead } from './lambdaCannotRead';
import { refNotArn } from './refNotArn';
import { streamKeyAccess } from './streamKeyAccess';

/** The checks of a template across its resources, in the order docs/rules.md documents them. */
export const TEMPLATE_CHECKS = [refNotArn, lambdaCannotRead, consumerCannotSubscribe, streamKeyAccess] as const;

export type TemplateCheckCode = (typeof TEMPLATE_CHECKS)[number]['code'];

export type { TemplateCheck, TemplateFinding } from './check';
export { PrincipalAccess } from './principalAccess';
