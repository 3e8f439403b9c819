import * as l10n from '@vscode/l10n';
import { PLACEHOLDERS } from './placeholders';
import { policyFor, PLACEHOLDER_PARAMS } from './policyTemplates';
import type { KclVersion, PolicyRole } from '../../../../common/src/choices';

export interface Snippet {
  /** What the user types; the first is the name, any other an alias kept from an earlier release. */
  prefix: string | string[];
  description: string;
  body: string[];
}

/** The snippets, named and described in the display language (the package ships a snippets file per language). */
function snippetList(): readonly { name: string; prefix: string | string[]; role: PolicyRole; kcl?: KclVersion; description: string }[] {
  return [
    { name: l10n.t('Kinesis producer policy'), prefix: 'kinesis-producer', role: 'producer', description: l10n.t('Identity policy for a producer: describe the stream, list shards, put records.') },
    { name: l10n.t('Kinesis KCL {0} consumer policy', '1.x'), prefix: ['kinesis-kcl1-consumer', 'kinesis-kcl-consumer'], role: 'kcl-consumer', kcl: '1.x', description: l10n.t('Identity policy for a KCL 1.x consumer: stream, DynamoDB lease table, CloudWatch metrics.') },
    { name: l10n.t('Kinesis KCL {0} consumer policy', '2.x'), prefix: 'kinesis-kcl2-consumer', role: 'kcl-consumer', kcl: '2.x', description: l10n.t('Identity policy for a KCL 2.x consumer, with enhanced fan-out.') },
    { name: l10n.t('Kinesis KCL {0} consumer policy', '3.x'), prefix: 'kinesis-kcl3-consumer', role: 'kcl-consumer', kcl: '3.x', description: l10n.t('Identity policy for a KCL 3.x consumer: its three DynamoDB tables and the lease index.') },
    { name: l10n.t('Kinesis enhanced fan-out consumer policy'), prefix: 'kinesis-efo-consumer', role: 'efo-consumer', description: l10n.t('Identity policy for an enhanced fan-out consumer: register, then subscribe.') },
    { name: l10n.t('Kinesis cross-account read (resource policy)'), prefix: 'kinesis-cross-account-read', role: 'cross-account-read', description: l10n.t('Stream policy that lets another account read the stream.') },
    { name: l10n.t('Kinesis cross-account write (resource policy)'), prefix: 'kinesis-cross-account-write', role: 'cross-account-write', description: l10n.t('Stream policy that lets another account write to the stream.') },
    { name: l10n.t('Kinesis consumer share: stream policy'), prefix: 'kinesis-share-consumer-stream', role: 'consumer-share-stream', description: l10n.t("The stream's half of sharing a registered consumer with another account.") },
    { name: l10n.t('Kinesis consumer share: consumer policy'), prefix: 'kinesis-share-consumer', role: 'consumer-share-consumer', description: l10n.t("The consumer's half of sharing a registered consumer with another account.") },
    { name: l10n.t('Kinesis stream administrator policy'), prefix: 'kinesis-stream-admin', role: 'stream-admin', description: l10n.t('Identity policy to create, scale, tag and delete streams.') },
  ];
}

/** Each placeholder becomes a tab stop with a value that makes the policy valid as it stands. */
const STOPS: readonly [string, string][] = [
  [PLACEHOLDERS.region, 'us-east-1'],
  [PLACEHOLDERS.account, '111122223333'],
  [PLACEHOLDERS.stream, 'my-stream'],
  [PLACEHOLDERS.application, 'my-kcl-app'],
  [PLACEHOLDERS.consumer, 'my-consumer'],
  [PLACEHOLDERS.creationTimestamp, '1700000000'],
  [PLACEHOLDERS.otherAccount, '444455556666'],
];

/** The snippets file for `contributes.snippets`, in the display language, from the same templates as the insert actions. */
export function renderSnippets(): Record<string, Snippet> {
  return Object.fromEntries(
    snippetList().map((s) => {
      let text = JSON.stringify(policyFor(s.role, PLACEHOLDER_PARAMS, s.kcl), null, '\t');
      const stops = STOPS.filter(([placeholder]) => wordPattern(placeholder).test(text));
      stops.forEach(([placeholder, value], i) => {
        // The first use is the tab stop; later uses mirror it.
        let first = true;
        text = text.replace(wordPattern(placeholder, 'g'), () => {
          const stop = first ? `\${${i + 1}:${value}}` : `\${${i + 1}}`;
          first = false;
          return stop;
        });
      });
      return [s.name, { prefix: s.prefix, description: s.description, body: text.split('\n') }];
    }),
  );
}

/** A placeholder as a whole word: ACCOUNT_ID is not part of OTHER_ACCOUNT_ID. */
function wordPattern(placeholder: string, flags = ''): RegExp {
  return new RegExp(`\\b${placeholder}\\b`, flags);
}
