import * as vscode from 'vscode';
import type { PolicySource } from '../../../common/src/protocol';

/** Resource policies found by their names: the endings the extension reads as resource policies. */
const RESOURCE_POLICY_FILES = '**/*{.resource-policy,-resource-policy,.stream-policy,-stream-policy,.consumer-policy}.json';
const MAX_FILES = 200;

/** ARN (or ARN pattern) to file globs, as the `kinesisPolicy.access.*` settings map them. */
type PolicyMap = Record<string, string[]>;

function setting(name: 'identityPolicies' | 'resourcePolicies'): PolicyMap {
  const value = vscode.workspace.getConfiguration('kinesisPolicy.access').get<unknown>(name);
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every((g) => typeof g === 'string')));
}

/** Whether a settings key names the ARN: the same, or a pattern with `*` that matches it. */
function names(key: string, arn: string): boolean {
  if (key === arn) return true;
  if (!key.includes('*')) return false;
  const pattern = new RegExp(`^${key.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return pattern.test(arn);
}

/** The text of a file: the editor's, with unsaved changes, when it is open; undefined when it cannot be read. */
export async function read(uri: vscode.Uri): Promise<PolicySource | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { uri: uri.toString(), text: open.getText() };
  try {
    return { uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return undefined;
  }
}

async function filesOf(globs: readonly string[]): Promise<vscode.Uri[]> {
  const found = await Promise.all(globs.map((glob) => vscode.workspace.findFiles(glob, undefined, MAX_FILES)));
  return [...new Map(found.flat().map((uri) => [uri.toString(), uri])).values()];
}

/**
 * The identity policies attached to the principal, as `kinesisPolicy.access.identityPolicies`
 * maps them; without an entry, the policy in the active editor (when it names no principal).
 */
export async function identityPoliciesFor(principal: string | undefined): Promise<PolicySource[]> {
  const globs = Object.entries(setting('identityPolicies'))
    .filter(([key]) => principal !== undefined && names(key, principal))
    .flatMap(([, g]) => g);
  if (globs.length > 0) return (await Promise.all((await filesOf(globs)).map(read))).filter((s): s is PolicySource => s !== undefined);
  const active = vscode.window.activeTextEditor?.document;
  if (active && (active.languageId === 'json' || active.languageId === 'jsonc') && !/"(Not)?Principal"\s*:/.test(active.getText()) && active.getText().includes('"Statement"')) {
    return [{ uri: active.uri.toString(), text: active.getText() }];
  }
  return [];
}

/**
 * The resource policies that may be about the question's resources: those `kinesisPolicy.access.
 * resourcePolicies` maps to them, and the workspace's stream and consumer policy files (the server
 * keeps the ones whose statements name the resources).
 */
export async function resourcePoliciesFor(resources: readonly string[]): Promise<PolicySource[]> {
  const globs = Object.entries(setting('resourcePolicies'))
    .filter(([key]) => resources.some((arn) => names(key, arn)))
    .flatMap(([, g]) => g);
  const configured = await filesOf(globs);
  const named = await vscode.workspace.findFiles(RESOURCE_POLICY_FILES, '**/node_modules/**', MAX_FILES);
  const sources = (await Promise.all([...configured, ...named.filter((u) => !configured.some((c) => c.toString() === u.toString()))].map(read))).filter(
    (s): s is PolicySource => s !== undefined,
  );
  // The server keeps those whose statements name the resources, wildcards included.
  return sources;
}

/** Stream, consumer and table ARNs the workspace's policies name, to offer as the resource. */
export async function resourcesInWorkspace(): Promise<string[]> {
  const files = await vscode.workspace.findFiles('**/*.json', '**/node_modules/**', MAX_FILES);
  const arns = new Map<string, number>();
  for (const file of files) {
    const source = await read(file);
    for (const match of source?.text.matchAll(/"(arn:[a-z-]+:(?:kinesis|dynamodb):[a-z0-9-]*:\d{12}:(?:stream|table)\/[^"*?$]+)"/g) ?? []) {
      arns.set(match[1], (arns.get(match[1]) ?? 0) + 1);
    }
  }
  return [...arns].sort((a, b) => b[1] - a[1]).map(([arn]) => arn);
}
