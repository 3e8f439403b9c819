import { conditionForAllValuesWithoutNull } from './condition/forAllValuesWithoutNull';
import { conditionInvalidBlock } from './condition/invalidBlock';
import { conditionKeyNotApplicable } from './condition/keyNotApplicable';
import { conditionNullIfExists } from './condition/nullIfExists';
import { conditionSingleValuedSetOperator } from './condition/singleValuedSetOperator';
import { conditionUnknownKey } from './condition/unknownKey';
import { conditionUnknownOperator } from './condition/unknownOperator';
import { conditionValueType } from './condition/valueType';
import { consumerMissingDescribeStream } from './consumer/missingDescribeStream';
import { incompleteRead } from './consumer/incompleteRead';
import { actionResourceMismatch } from './iam/actionResourceMismatch';
import { allowNotAction } from './iam/allowNotAction';
import { conflictingElements } from './iam/conflictingElements';
import { denyNotResource } from './iam/denyNotResource';
import { duplicateSid } from './iam/duplicateSid';
import { emptyValue } from './iam/emptyValue';
import { invalidArn } from './iam/invalidArn';
import { invalidEffect } from './iam/invalidEffect';
import { invalidPrincipal } from './iam/invalidPrincipal';
import { invalidValueType } from './iam/invalidValueType';
import { invalidVersion } from './iam/invalidVersion';
import { invalidStatement } from './iam/invalidStatement';
import { unknownKey } from './iam/unknownKey';
import { invalidSid } from './iam/invalidSid';
import { duplicateKey } from './iam/duplicateKey';
import { principalInIdentityPolicy } from './iam/principalInIdentityPolicy';
import { missingAction, missingResource } from './iam/missingElement';
import { placeholder } from './iam/placeholder';
import { policySize } from './iam/policySize';
import { redundantAction } from './iam/redundantAction';
import { unknownAction } from './iam/unknownAction';
import { broadDynamodbAccess } from './kcl/broadDynamodbAccess';
import { missingLeaseTablePermissions } from './kcl/missingLeaseTablePermissions';
import { kclMissingListShards } from './kcl/missingListShards';
import { version3Requirements } from './kcl/version3Requirements';
import { missingMetricsPermission } from './kcl/missingMetricsPermission';
import { broadAccess } from './kinesis/broadAccess';
import { kmsPermissions } from './kinesis/kmsPermissions';
import { producerMissingDescribeStream } from './producer/missingDescribeStream';
import { producerMissingListShards } from './producer/missingListShards';
import { canonicalUserPrincipal, federatedPrincipal, servicePrincipal } from './resourcePolicy/disallowedPrincipal';
import { missingPrincipal } from './resourcePolicy/missingPrincipal';
import { resourceMismatch } from './resourcePolicy/resourceMismatch';
import { sizeLimit } from './resourcePolicy/sizeLimit';
import { unsupportedAction } from './resourcePolicy/unsupportedAction';
import { wildcardAction } from './resourcePolicy/wildcardAction';
import { wildcardPrincipal } from './resourcePolicy/wildcardPrincipal';

/**
 * Every rule, in the order their findings are listed. docs/rules.md documents each code, in this
 * order. A rule's code is declared once, in its file; `RuleCode` is made from this list, so a fix
 * or setting typed by it cannot name a rule that does not exist.
 */
export const RULES = [
  // Kinesis resource-based policies
  wildcardAction,
  wildcardPrincipal,
  servicePrincipal,
  federatedPrincipal,
  canonicalUserPrincipal,
  sizeLimit,
  unsupportedAction,
  resourceMismatch,
  missingPrincipal,
  // KCL, consumers and producers (identity policies)
  missingLeaseTablePermissions,
  missingMetricsPermission,
  kclMissingListShards,
  version3Requirements,
  broadDynamodbAccess,
  incompleteRead,
  consumerMissingDescribeStream,
  producerMissingDescribeStream,
  producerMissingListShards,
  kmsPermissions,
  broadAccess,
  // IAM mistakes
  unknownAction,
  invalidArn,
  actionResourceMismatch,
  invalidPrincipal,
  placeholder,
  invalidEffect,
  invalidVersion,
  invalidStatement,
  unknownKey,
  duplicateKey,
  duplicateSid,
  invalidSid,
  principalInIdentityPolicy,
  policySize,
  missingAction,
  missingResource,
  conflictingElements,
  emptyValue,
  invalidValueType,
  allowNotAction,
  denyNotResource,
  redundantAction,
  // Conditions
  conditionInvalidBlock,
  conditionUnknownOperator,
  conditionNullIfExists,
  conditionUnknownKey,
  conditionKeyNotApplicable,
  conditionValueType,
  conditionSingleValuedSetOperator,
  conditionForAllValuesWithoutNull,
] as const;

/** The code of a rule in the registry, e.g. `kcl/missing-metrics-permission`. */
export type RuleCode = (typeof RULES)[number]['code'];
