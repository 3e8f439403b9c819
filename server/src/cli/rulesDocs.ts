import { markdownBlocks } from '../../../common/src/rulesMarkdown';

/** What docs/rules.md says of a rule, for tools that show rules outside the editor (SARIF). */
export interface RuleDoc {
  /** The first sentence of the rule's description, in Markdown. */
  summary: string;
  /** The rule's first paragraph (with the list it introduces, if it ends in a colon), in Markdown. */
  description: string;
  /** The anchor GitHub gives the rule's heading: `iaminvalid-arn` for ## `iam/invalid-arn`. */
  anchor: string;
}

/**
 * The rules documented in docs/rules.md, by code. A rule's section is its heading, ## `code`,
 * then the severity line, then the description, whose first paragraph says what the rule finds.
 */
export function readRuleDocs(markdown: string): Map<string, RuleDoc> {
  const docs = new Map<string, RuleDoc>();
  const slugs = new GithubSlugger();
  let section: { code: string; anchor: string; blocks: string[] } | undefined;
  const finish = () => {
    if (!section) return;
    const doc = describe(section.blocks);
    if (doc) docs.set(section.code, { ...doc, anchor: section.anchor });
  };
  for (const block of markdownBlocks(markdown)) {
    const heading = /^(#{1,6}) +(.*?)\s*#*$/.exec(block);
    if (heading) {
      const anchor = slugs.slug(heading[2]);
      const code = /^`([^`]+)`$/.exec(heading[2])?.[1];
      if (heading[1] === '##' || heading[1] === '#') {
        finish();
        section = code !== undefined && heading[1] === '##' ? { code, anchor, blocks: [] } : undefined;
      }
      continue;
    }
    section?.blocks.push(block);
  }
  finish();
  return docs;
}

/** The description of a rule's section: its first paragraph of prose after the severity line. */
function describe(sectionBlocks: readonly string[]): Omit<RuleDoc, 'anchor'> | undefined {
  const prose = (block: string) => !/^(\*\*Severity:\*\*|<|```|~~~|[-*+] |\d+\. |\||>)/.test(block);
  const i = sectionBlocks.findIndex(prose);
  if (i < 0) return undefined;
  const paragraph = oneLine(sectionBlocks[i]);
  const list = sectionBlocks[i + 1];
  const description = paragraph.endsWith(':') && list !== undefined && /^[-*+] /.test(list) ? `${paragraph}\n\n${list}` : paragraph;
  // A paragraph that introduces a list ends in a colon: its summary is a sentence of its own.
  const summary = firstSentence(paragraph).replace(/:$/, '.');
  return { summary, description };
}

/** Up to the first full stop that ends a sentence: one followed by a space and a capital, a code span or the end. */
function firstSentence(paragraph: string): string {
  return /^.*?[.!?](?=\s+[A-Z`"*([]|$)/.exec(paragraph)?.[0] ?? paragraph;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Markdown as plain text: code spans, emphasis and links without their marks. */
export function plainText(markdown: string): string {
  // Odd parts are code spans, whose text stays as it is.
  return markdown
    .split(/`([^`]*)`/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
            .replace(/\*\*([^*]+)\*\*/g, '$1')
            .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1$2'),
    )
    .join('');
}

/**
 * The anchors GitHub gives headings: the heading's text in lower case, without punctuation
 * other than hyphens and underscores, spaces made hyphens, and `-1`, `-2`... on a repeat.
 */
class GithubSlugger {
  /** How many times each slug was repeated so far. */
  private readonly occurrences = new Map<string, number>();

  slug(heading: string): string {
    const base = plainText(heading)
      .replace(/<[^>]*>/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let slug = base;
    while (this.occurrences.has(slug)) {
      const n = (this.occurrences.get(base) ?? 0) + 1;
      this.occurrences.set(base, n);
      slug = `${base}-${n}`;
    }
    this.occurrences.set(slug, 0);
    return slug;
  }
}

/** GitHub's anchor for a heading of its own in a document, e.g. `iaminvalid-arn` for `` `iam/invalid-arn` ``. */
export function githubAnchor(heading: string): string {
  return new GithubSlugger().slug(heading);
}

/**
 * The web address of a repository, from package.json's `repository` (an object with a `url`, or
 * a string): `git+https://github.com/o/r.git` and `git@github.com:o/r.git` give
 * `https://github.com/o/r`, as does the shorthand `github:o/r` or `o/r`. Undefined when the
 * repository is not given or has no https address.
 */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof url !== 'string') return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url.trim());
  const web = shorthand
    ? `https://github.com/${shorthand[1]}`
    : url
        .trim()
        .replace(/^git\+/, '')
        .replace(/^git:\/\//, 'https://')
        .replace(/^ssh:\/\/(?:[^@/]+@)?/, 'https://')
        .replace(/^[^@/:]+@([^:/]+):/, 'https://$1/')
        .replace(/^http:\/\//, 'https://');
  const cleaned = web.replace(/\/+$/, '').replace(/\.git$/, '');
  return /^https:\/\/[^/]+\/.+/.test(cleaned) ? cleaned : undefined;
}

/** The web page of docs/rules.md on the default branch of the repository, or undefined. */
export function rulesDocumentationWebUrl(repository: unknown): string | undefined {
  const web = repositoryWebUrl(repository);
  return web === undefined ? undefined : `${web}/blob/main/docs/rules.md`;
}
