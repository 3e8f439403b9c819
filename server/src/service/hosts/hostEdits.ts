import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { scalarAt, scalarEdit } from './cloudformation/yamlScalars';
import { templateJson } from './cloudformation/writtenValues';
import { hclStringText } from './terraform/hclValues';
import type { TemplateDocument } from './hostModel';
import { perStringEdits } from './stringEdits';
import type { HostView } from './views';

/** The view's edits in the template, as they are or, where that cannot be made exactly, string by string (see `perStringEdits`). */
export function mappedEdits(host: TextDocument, template: TemplateDocument, view: HostView, edits: TextEdit[]): TextEdit[] | undefined {
  const exact = hostEdits(host, template, view, edits);
  if (exact) return exact;
  const pieces = edits.flatMap((edit) => perStringEdits(view.document, edit) ?? [edit]);
  return pieces.length > edits.length ? hostEdits(host, template, view, pieces) : undefined;
}

/**
 * A view's edits as edits of the template, or undefined where one cannot be made exactly: in a
 * JSON template, text copied exactly is edited as it is; in YAML, a string is edited in its
 * scalar's own style; anything else is a change of structure, written by `yamlEdits.ts`.
 */
function hostEdits(host: TextDocument, template: TemplateDocument, view: HostView, edits: TextEdit[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const span = view.map.exactSpan(view.document.offsetAt(edit.range.start), view.document.offsetAt(edit.range.end));
    const at = span && view.nodes.map((n) => scalarAt(n, span.start, span.end)).find((found) => found !== undefined);
    const text = jsonStringContent(edit.newText);
    let made: { start: number; end: number; text: string } | undefined;
    if (span && view.copied) {
      // New strings that hold the stack's values are written as Fn::Sub.
      const text = templateJson(edit.newText);
      if (text === undefined) return undefined;
      made = { ...span, text };
    }
    else if (span && at && text !== undefined) {
      made = template.format === 'json' ? { ...span, text: edit.newText } : template.format === 'hcl' ? { ...span, text: hclStringText(edit.newText) } : scalarEdit(at.scalar, span.start, span.end, text, at.inFlow);
    }
    else {
      // A change of structure: made from the whole of the view's change, as one edit.
      const whole = view.structural(edits);
      return whole && [toTextEdit(host, whole)];
    }
    if (!made) return undefined;
    out.push(toTextEdit(host, made));
  }
  return out;
}

function toTextEdit(host: TextDocument, edit: { start: number; end: number; text: string }): TextEdit {
  return { range: { start: host.positionAt(edit.start), end: host.positionAt(edit.end) }, newText: edit.text };
}

/** The text a JSON string would hold with these characters between its quotes; undefined if they are not such characters. */
function jsonStringContent(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(`"${text}"`);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
