import { documentationUrl } from '../l10n';
import type { ActionInfo } from './serviceEntry';

/**
 * API reference pages for services whose IAM action names are their API operation names.
 * Every other action links to its service's page in the Service Authorization Reference.
 */
const API_REFERENCE_PAGES: Readonly<Record<string, string>> = {
  kinesis: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_{action}.html',
  dynamodb: 'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_{action}.html',
  cloudwatch: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_{action}.html',
};

/** The action's page, in the display language's edition of the documentation. */
export function actionDocumentationUrl(action: ActionInfo): string {
  const page = API_REFERENCE_PAGES[action.service.prefix];
  return documentationUrl(page ? page.replace('{action}', action.name) : action.service.reference);
}

export const GLOBAL_CONDITION_KEYS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';
export const CONDITION_OPERATORS_URL =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
