import * as vscode from 'vscode';
import { contextFromPairs, type AccessQuestion } from '../../../common/src/access';
import { ACCESS_JOBS, KCL_VERSIONS, type AccessJob, type KclVersion } from '../../../common/src/choices';
import { resourcesInWorkspace } from './policySources';

/** The title of step `at` of 4. */
const title = (at: number) => vscode.l10n.t('Kinesis Policy: Check Access ({0} of 4)', at);

interface WhatItem extends vscode.QuickPickItem {
  job?: AccessJob;
  kcl?: KclVersion;
}
const ACTION = /^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/;

function jobLabel(job: AccessJob): string {
  return {
    producer: vscode.l10n.t('Producer: describe the stream, list its shards, put records'),
    'kcl-consumer': vscode.l10n.t('KCL consumer: the stream, the lease table, metrics'),
    'efo-consumer': vscode.l10n.t('Enhanced fan-out consumer: register and subscribe'),
    'cross-account-reader': vscode.l10n.t('Cross-account reader'),
    'cross-account-writer': vscode.l10n.t('Cross-account writer'),
  }[job];
}

/** Asks for a question step by step; undefined when the user cancels. */
export async function askQuestion(): Promise<AccessQuestion | undefined> {
  const principal = await vscode.window.showInputBox({
    title: title(1),
    prompt: vscode.l10n.t("Who asks: a role or user ARN, or an account id. Empty: someone in the resource's own account."),
    placeHolder: 'arn:aws:iam::444455556666:role/order-analytics',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || /^\d{12}$/.test(v.trim()) || /^arn:[a-z-]+:(iam|sts)::\d{12}:/.test(v.trim()) ? undefined : vscode.l10n.t('A role, user or assumed-role ARN, or a 12-digit account id.')),
  });
  if (principal === undefined) return undefined;
  const choices: WhatItem[] = [
    { label: vscode.l10n.t('Actions...'), description: vscode.l10n.t('one or more, such as kinesis:GetRecords') },
    ...ACCESS_JOBS.flatMap((job): WhatItem[] =>
      job === 'kcl-consumer'
        ? [...KCL_VERSIONS].reverse().map((kcl) => ({ label: `${jobLabel(job)} (KCL ${kcl})`, description: job, job, kcl }))
        : [{ label: jobLabel(job), description: job, job }],
    ),
  ];
  const what = await vscode.window.showQuickPick(choices, { title: title(2), placeHolder: vscode.l10n.t('What does it do?'), ignoreFocusOut: true });
  if (!what) return undefined;
  let actions: string[] | undefined;
  if (!what.job) {
    const typed = await vscode.window.showInputBox({
      title: title(2),
      prompt: vscode.l10n.t('Actions, separated by commas or spaces'),
      value: 'kinesis:GetRecords',
      ignoreFocusOut: true,
      validateInput: (v) => (split(v).length > 0 && split(v).every((a) => ACTION.test(a)) ? undefined : vscode.l10n.t('service:Action, such as kinesis:GetRecords.')),
    });
    if (typed === undefined) return undefined;
    actions = split(typed);
  }
  const arns = await resourcesInWorkspace();
  const resource = await pickArn(arns.filter((a) => (what.job ? /:stream\/[^/]+$/.test(a) : true)), title(3), what.job ? vscode.l10n.t('Which stream?') : vscode.l10n.t('On which resource?'));
  if (!resource) return undefined;
  let table: string | undefined;
  if (what.job === 'kcl-consumer') {
    table = await pickArn(arns.filter((a) => a.includes(':dynamodb:')), title(3), vscode.l10n.t('Which lease table?'));
    if (!table) return undefined;
  }
  const contextText = await vscode.window.showInputBox({
    title: title(4),
    prompt: vscode.l10n.t('Request context, optional: KEY=VALUE pairs separated by commas (aws:SecureTransport=true, aws:SourceVpc=vpc-1a2b3c4d). Conditions on other keys stay open.'),
    ignoreFocusOut: true,
    validateInput: (v) => (parseContext(v) ? undefined : vscode.l10n.t('KEY=VALUE pairs, separated by commas.')),
  });
  if (contextText === undefined) return undefined;
  return {
    principal: principal.trim() || undefined,
    actions,
    job: what.job,
    kclVersion: what.kcl,
    resource,
    table,
    context: parseContext(contextText),
  };
}

function split(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** `KEY=VALUE, KEY=VALUE` as a request context; undefined for text that is not that. */
function parseContext(text: string): Record<string, string | string[]> | undefined {
  const context = contextFromPairs(text.split(',').filter((p) => p.trim() !== ''));
  return typeof context === 'string' ? undefined : context;
}

async function pickArn(arns: string[], title: string, placeHolder: string): Promise<string | undefined> {
  const typeOne = { label: `$(edit) ${vscode.l10n.t('Type an ARN...')}` };
  const picked = await vscode.window.showQuickPick([...arns.map((label) => ({ label })), typeOne], { title, placeHolder, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked !== typeOne) return picked.label;
  const typed = await vscode.window.showInputBox({ title, prompt: placeHolder, ignoreFocusOut: true, validateInput: (v) => (v.trim().startsWith('arn:') ? undefined : vscode.l10n.t('An ARN.')) });
  return typed?.trim() || undefined;
}
