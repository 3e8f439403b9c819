import { InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyLanguageService } from '../languageService';
import { parsePolicy } from '../policy/parsePolicy';
import { resourceLocations } from './cloudformation/policyLocations';
import { writtenPolicy } from './cloudformation/policyText';
import { entry, type TemplateNode } from './cloudformation/templateTree';
import { resourcesWith } from './cloudformation/yamlBlocks';
import { yamlString } from './cloudformation/yamlScalars';
import type { TemplateDocument } from './hostModel';
import { textOf } from '../text/documentText';
import { lineStart, type PieceText } from '../text/pieceText';
import { resourceItems } from './resourceCompletion';

/**
 * Completion where a YAML template has no value yet: `Action: |`, `- |`, `Resource: [|]`,
 * `[kinesis:GetRecords, |]`. A JSON policy has a string to complete there (`""`); YAML has
 * nothing, so nothing in the policy's text stands for the cursor. The template is read again with
 * an empty string typed at the cursor (the resource's block alone), the policy written with it,
 * and the policy language's items for that string are written as YAML values to insert.
 */

/** Where the cursor is, what is typed there to read the template as the user means it. */
interface Slot {
  /** Typed at the cursor: an empty string for a value, a colon after a key being written. */
  insert: string;
  /** The offset, in the text with `insert`, whose place in the policy's JSON text the items are asked for. */
  probe: number;
  /** Where the item's text goes: from here to the cursor. */
  from: number;
  /** Written before the item: a space after a colon. */
  space: string;
}

/**
 * The slot at the cursor: a value where none is written (after `:`, `- `, `[` or `,`, before the
 * line's end, `]`, `}` or `,`), or a key being written alone on its line (`Con`, `aws:Princ`,
 * before its colon).
 */
export function slotAt(text: string, offset: number): Slot | undefined {
  const start = lineStart(text, offset);
  const line = text.slice(start, offset);
  const before = line.trimEnd();
  const rest = text.slice(offset, offset + 200);
  if (!/^[ \t]*(\r?\n|$|[\]},]| #)/.test(rest) || /^\s*#/.test(before)) return undefined;
  // A condition key has a colon in it (`aws:Princ`, and `aws:` as its service is typed: no key of a
  // policy or a template's resource is lower case): YAML reads it as a value until its own colon is typed.
  const key = /^\s*(?:- )*([A-Za-z][\w.-]*)$/.exec(line) ?? /^\s*([A-Za-z][\w.-]*(?::[\w./-]+)+|[a-z][\w-]*:)$/.exec(line);
  if (key && /^(\r?\n|$)/.test(rest)) return { insert: ':', probe: offset, from: offset - key[1].length, space: '' };
  const dash = /^\s*(?:- )*-$/.test(before) && line.endsWith(' ');
  if (!dash && !/[:[,]$/.test(before)) return undefined;
  // `Action:|` needs a space before a value: it is written with the item.
  const space = text[offset - 1] === ':' ? ' ' : '';
  return { insert: `${space}''`, probe: offset + space.length + 1, from: offset, space };
}

export function slotCompletion(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, offset: number): CompletionList | null {
  if (template.format !== 'yaml') return null;
  // Read around the cursor, from its line's start: a keystroke's completion does not make the whole text.
  const text = textOf(host);
  const from = lineStart(text, offset);
  const local = slotAt(text.slice(from, offset + 200), offset - from);
  if (!local) return null;
  const slot = { ...local, probe: local.probe + from, from: local.from + from };
  // The resource's block is read again with the slot filled: the rest of the template may be broken meanwhile.
  const { probe, space } = slot;
  const resource = resourcesWith(template, offset, slot.insert).find((e) => e.keyNode.start <= probe && probe <= (e.value?.end ?? e.keyNode.end));
  const location = resource && resourceLocations(resource).find((l) => !l.node.synthetic && l.node.start <= probe && probe <= l.node.end);
  if (!location) return null;
  const { text: json, map } = writtenPolicy(location.node, template.symbols);
  const inside = map.toJson(probe);
  if (inside === undefined) return null;
  const document = TextDocument.create(host.uri, 'json', host.version, json);
  const list = service.doComplete(document, document.positionAt(inside), parsePolicy(json));
  const range = { start: host.positionAt(slot.from), end: host.positionAt(offset) };
  const inFlow = /[[,]/.test(lastNonSpaceBefore(text, offset));
  const items: CompletionItem[] = (list?.items ?? []).flatMap((item) => {
    const edit = item.textEdit && 'newText' in item.textEdit ? item.textEdit : undefined;
    const quoted = edit ? /^"((?:[^"\\]|\\.)*)"$/.exec(edit.newText) : null;
    if (!quoted) return [];
    const written = yamlValue(JSON.parse(`"${quoted[1]}"`) as string, item.insertTextFormat === InsertTextFormat.Snippet, inFlow);
    return [{ ...item, filterText: written.value, sortText: `1${item.sortText ?? item.label}`, textEdit: { range, newText: space + written.text } }];
  });
  // In a Resource, the template's own resources first.
  const statement = statementAround(location.node, probe);
  if (statement && ['Resource', 'NotResource'].some((key) => within(entry(statement, key), probe))) {
    for (const item of resourceItems(template, statement, range)) {
      const written = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.label;
      items.push({ ...item, sortText: `0${item.sortText ?? item.label}`, textEdit: { range, newText: space + written } });
    }
  }
  return items.length > 0 ? { isIncomplete: list?.isIncomplete ?? false, items } : null;
}

/**
 * A string as a YAML value: plain where it reads back as itself, else single-quoted. A snippet's
 * placeholders (`${1:region}`, `$1`) are judged by the text they stand for, and kept.
 */
function yamlValue(text: string, snippet: boolean, inFlow: boolean): { text: string; value: string } {
  if (!snippet) return { text: yamlString(text, 'plain', inFlow), value: text };
  const value = text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
  return { text: yamlString(value, 'plain', inFlow) === value ? text : `'${text.replace(/'/g, "''")}'`, value };
}

/** The statement of a policy's tree that holds an offset. */
export function statementAround(policy: TemplateNode, offset: number): TemplateNode | undefined {
  const list = entry(policy, 'Statement');
  return (list?.type === 'seq' ? list.items : list ? [list] : []).find((s) => within(s, offset));
}

export function within(node: TemplateNode | undefined, offset: number): boolean {
  return node !== undefined && node.start <= offset && offset <= node.end;
}

/** The last character before `offset` that is not white space (as `trimEnd` reads it); empty if none. */
function lastNonSpaceBefore(text: PieceText, offset: number): string {
  for (let end = offset; end > 0; end -= 256) {
    const trimmed = text.slice(Math.max(0, end - 256), end).trimEnd();
    if (trimmed !== '') return trimmed[trimmed.length - 1];
  }
  return '';
}
