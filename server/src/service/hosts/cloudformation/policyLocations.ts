import type { PolicyKindSetting } from '../../../../../common/src/choices';
import { intrinsicOf, isNoValue, type TemplateSymbols } from './intrinsics';
import { expandSamTemplate, samTemplateItem } from './samPolicyTemplates';
import { entry, stringValue, type TemplateEntry, type TemplateMap, type TemplateNode } from './templateTree';

/**
 * Where policy documents sit in a CloudFormation or SAM template, by resource type and property
 * (CloudFormation resource reference; SAM specification, AWS::Serverless::Function `Policies`),
 * and how each is read: an identity policy, a resource-based policy (Kinesis's own, a key policy,
 * a role's trust policy: the checks tell them apart by content), or a VPC endpoint policy.
 */
/** A property name, or `EACH` for every item of a list. */
const EACH = Symbol('each item');
type Step = string | typeof EACH;

interface Location {
  /** Property path under `Properties`. */
  path: readonly Step[];
  kind: Exclude<PolicyKindSetting, 'auto'>;
}

const IDENTITY_POLICIES: Location = { path: ['Policies', EACH, 'PolicyDocument'], kind: 'identity' };
const TRUST_POLICY: Location = { path: ['AssumeRolePolicyDocument'], kind: 'resource' };

const LOCATIONS: Readonly<Record<string, readonly Location[]>> = {
  'AWS::IAM::Policy': [{ path: ['PolicyDocument'], kind: 'identity' }],
  'AWS::IAM::ManagedPolicy': [{ path: ['PolicyDocument'], kind: 'identity' }],
  'AWS::IAM::RolePolicy': [{ path: ['PolicyDocument'], kind: 'identity' }],
  'AWS::IAM::UserPolicy': [{ path: ['PolicyDocument'], kind: 'identity' }],
  'AWS::IAM::GroupPolicy': [{ path: ['PolicyDocument'], kind: 'identity' }],
  'AWS::IAM::Role': [IDENTITY_POLICIES, TRUST_POLICY],
  'AWS::IAM::User': [IDENTITY_POLICIES],
  'AWS::IAM::Group': [IDENTITY_POLICIES],
  'AWS::Kinesis::ResourcePolicy': [{ path: ['ResourcePolicy'], kind: 'resource' }],
  'AWS::KMS::Key': [{ path: ['KeyPolicy'], kind: 'resource' }],
  'AWS::EC2::VPCEndpoint': [{ path: ['PolicyDocument'], kind: 'vpc-endpoint' }],
  'AWS::S3::BucketPolicy': [{ path: ['PolicyDocument'], kind: 'resource' }],
  'AWS::SQS::QueuePolicy': [{ path: ['PolicyDocument'], kind: 'resource' }],
  'AWS::SNS::TopicPolicy': [{ path: ['PolicyDocument'], kind: 'resource' }],
  // SAM: `Policies` is one policy document, or a list of documents, managed policy names and SAM
  // policy templates; only the documents (maps with `Statement`) are policies written here.
  'AWS::Serverless::Function': [{ path: ['Policies'], kind: 'identity' }, { path: ['Policies', EACH], kind: 'identity' }, TRUST_POLICY],
  'AWS::Serverless::StateMachine': [{ path: ['Policies'], kind: 'identity' }, { path: ['Policies', EACH], kind: 'identity' }],
};

/** The resource types whose `Policies` may name SAM policy templates. */
const SAM_POLICY_OWNERS = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

export interface PolicyLocation {
  node: TemplateMap;
  /** As its place says; `auto` where nothing does (a Terraform policy document no resource of the file uses): as its content says. */
  kind: PolicyKindSetting;
  /** The resource's logical id and type. */
  resource: string;
  resourceType: string;
  /** Where it is, for messages: `Properties.Policies[0].PolicyDocument`. */
  path: string;
  /**
   * Whether some of its statements are not read (their shape is known only when Terraform runs):
   * what its principal can do is then not judged from it.
   */
  partial?: boolean;
  /** Whether it is a Kinesis resource policy, where sharing statements may be inserted (a host that cannot tell by `resourceType`). */
  sharing?: boolean;
  /** The construct path the CDK wrote into the resource's metadata, if any. */
  cdkPath?: string;
  /** For a SAM policy template: its name and where the name is written (`node` is its expansion, made there). */
  samTemplate?: { name: string; description: string; key: { start: number; end: number } };
}

/**
 * Whether a document is a CloudFormation or SAM template: a format version, the SAM transform, or
 * resources with `AWS::` types. Other JSON and YAML is not ours.
 */
export function isTemplate(root: TemplateNode | undefined): root is TemplateMap {
  if (root?.type !== 'map') return false;
  if (entry(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const transform = entry(root, 'Transform');
  const transforms = transform?.type === 'seq' ? transform.items.map(stringValue) : [stringValue(transform)];
  if (transforms.some((t) => t?.startsWith('AWS::Serverless'))) return true;
  const resources = entry(root, 'Resources');
  return resources?.type === 'map' && resources.entries.some((e) => stringValue(entry(e.value, 'Type'))?.startsWith('AWS::'));
}

export type ResourceSymbol = { type: string; properties: TemplateNode | undefined };

/** What `TemplateSymbols` holds of one resource; undefined for an entry without a type. */
export function resourceSymbol(resource: TemplateEntry): ResourceSymbol | undefined {
  const type = stringValue(entry(resource.value, 'Type'));
  return type ? { type, properties: entry(resource.value, 'Properties') } : undefined;
}

/** The template's resources and parameters; `resources` when the caller has read them already. */
export function templateSymbols(root: TemplateMap, resources?: Map<string, ResourceSymbol>): TemplateSymbols {
  if (!resources) {
    resources = new Map();
    const section = entry(root, 'Resources');
    for (const e of section?.type === 'map' ? section.entries : []) {
      const symbol = resourceSymbol(e);
      if (symbol) resources.set(e.key, symbol);
    }
  }
  const parameters = entry(root, 'Parameters');
  return { resources, parameters: new Set(parameters?.type === 'map' ? parameters.entries.map((e) => e.key) : []) };
}

/** The policy documents of one resource of the template, in the order they are written. */
export function resourceLocations(resource: TemplateEntry): PolicyLocation[] {
  const found: PolicyLocation[] = [];
  const type = stringValue(entry(resource.value, 'Type'));
  const properties = entry(resource.value, 'Properties');
  if (!type || properties?.type !== 'map') return found;
  const cdkPath = stringValue(entry(entry(resource.value, 'Metadata'), 'aws:cdk:path'));
  for (const location of LOCATIONS[type] ?? []) {
    for (const { node, path } of walk(properties, location.path, 'Properties')) {
      if (node.type === 'map' && !intrinsicOf(node) && entry(node, 'Statement') !== undefined) {
        found.push({ node, kind: location.kind, resource: resource.key, resourceType: type, path, ...(cdkPath ? { cdkPath } : {}) });
      }
    }
  }
  if (SAM_POLICY_OWNERS.has(type)) {
    const policies = entry(properties, 'Policies');
    (policies?.type === 'seq' ? policies.items : policies ? [policies] : []).forEach((written, i) => {
      const sam = alternatives(written).map(samTemplateItem).find((t) => t !== undefined);
      if (!sam) return;
      const node = expandSamTemplate(sam.template, sam.parameters, sam.key);
      if (node.type !== 'map') return;
      const path = `Properties.Policies${policies?.type === 'seq' ? `[${i}]` : ''}.${sam.name}`;
      found.push({ node, kind: 'identity', resource: resource.key, resourceType: type, path, samTemplate: { name: sam.name, description: sam.template.Description, key: sam.key } });
    });
  }
  return found.sort((a, b) => a.node.start - b.node.start);
}

function* walk(node: TemplateNode | undefined, path: readonly Step[], at: string): Generator<{ node: TemplateNode; path: string }> {
  if (!node) return;
  // `!If [Condition, A, B]`: either may be deployed, so both are read (AWS::NoValue is nothing).
  const options = alternatives(node);
  if (options.length !== 1 || options[0] !== node) {
    for (const [i, branch] of options.entries()) yield* walk(branch, path, i === 0 ? at : `${at} (else)`);
    return;
  }
  if (path.length === 0) {
    yield { node, path: at };
    return;
  }
  const [step, ...rest] = path;
  if (step === EACH) {
    if (node.type === 'seq') for (const [i, item] of node.items.entries()) yield* walk(item, rest, `${at}[${i}]`);
  } else yield* walk(entry(node, step), rest, `${at}.${step}`);
}

/** What a node may be when deployed: the branches of an `Fn::If` other than AWS::NoValue, or the node itself. */
function alternatives(node: TemplateNode): TemplateNode[] {
  const intrinsic = intrinsicOf(node);
  if (intrinsic?.name !== 'Fn::If' || intrinsic.argument?.type !== 'seq') return [node];
  return intrinsic.argument.items.slice(1, 3).filter((branch) => !isNoValue(branch));
}
