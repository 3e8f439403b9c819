import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { COMMANDS, DIAGNOSTIC_SOURCE } from '../../common/src/commands';
import { ruleSections } from '../../common/src/rulesMarkdown';

const SHOW_RULE_DOCUMENTATION = COMMANDS.showRuleDocumentation;

/** A link that opens a rule's documentation: what the Problems panel and hovers open for a code. */
export function ruleDocumentationLink(code: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCUMENTATION}?${encodeURIComponent(JSON.stringify([code]))}`);
}

/**
 * "Kinesis Policy: Show Rule Documentation": the rule's section of the shipped docs/rules.md,
 * rendered in one reused panel beside the editor: for the given code, the diagnostic under the
 * cursor, or a rule picked from the list. Links to other rules open their section; nothing in the
 * panel runs a script.
 */
export class RuleDocumentation implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly markdown = new MarkdownIt({ html: false, linkify: false });
  /** The rule shown, and its page: for the extension's tests. */
  shown: { code: string; html: string } | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  async show(code?: unknown): Promise<string | undefined> {
    const rules = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.rulesUri()));
    const sections = splitSections(rules);
    const chosen = typeof code === 'string' ? code : (codeAtCursor(sections) ?? (await pick([...sections.keys()])));
    const section = chosen ? sections.get(chosen) : undefined;
    if (!chosen || section === undefined) {
      if (chosen) void vscode.window.showWarningMessage(vscode.l10n.t('Kinesis Policy has no rule {0}.', chosen));
      return undefined;
    }
    const panel = this.openPanel();
    panel.title = vscode.l10n.t('Rule {0}', chosen);
    const html = this.page(chosen, section);
    panel.webview.html = html;
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    this.shown = { code: chosen, html };
    return chosen;
  }

  private rulesUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, 'docs', 'rules.md');
  }

  private openPanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel('kinesisPolicy.ruleDocumentation', 'Rule', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: false,
      // Only links to other rules (and the whole list) run anything.
      enableCommandUris: [SHOW_RULE_DOCUMENTATION, 'markdown.showPreview'],
      localResourceRoots: [],
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.shown = undefined;
    });
    this.panel = panel;
    return panel;
  }

  private page(code: string, section: string): string {
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const body = this.markdown.render(section).replace(/href="#([^"]+)"/g, (_, anchor: string) => `href="${ruleDocumentationLink(decodeURIComponent(anchor)).toString()}"`);
    const all = `command:markdown.showPreview?${encodeURIComponent(JSON.stringify([this.rulesUri().toJSON()]))}`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<title>Rule ${escapeHtml(code)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; line-height: 1.5; max-width: 56em; }
  code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
  pre { background: var(--vscode-textCodeBlock-background); padding: 8px 12px; overflow-x: auto; }
  :not(pre) > code { background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
  a { color: var(--vscode-textLink-foreground); }
  table { border-collapse: collapse; } td, th { border: 1px solid var(--vscode-panel-border); padding: 2px 8px; }
  footer { margin-top: 2em; opacity: 0.8; }
</style>
</head>
<body>
${body}
<footer><a href="${all}">All rules</a></footer>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Each rule's section of rules.md, as Markdown, by code. */
export function splitSections(markdown: string): Map<string, string> {
  // The explicit anchors before each heading are for other renderers; this one has no raw HTML.
  return new Map([...ruleSections(markdown)].map(([code, blocks]) => [code, blocks.filter((b) => !/^<a id="[^"]*"><\/a>$/.test(b)).join('\n\n')]));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** The rule of our diagnostic at the cursor, if any (the server's notes, such as problems not shown, are no rule). */
function codeAtCursor(rules: ReadonlyMap<string, unknown>): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));
  return vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(editor.selection.active))
    .map(codeOf)
    .find((code) => code !== undefined && rules.has(code));
}

async function pick(codes: string[]): Promise<string | undefined> {
  return vscode.window.showQuickPick(codes, { title: vscode.l10n.t('Kinesis Policy rules'), placeHolder: vscode.l10n.t('Which rule?') });
}
