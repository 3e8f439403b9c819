/**
 * Reading docs/rules.md, for the editor's rule panel and the command line's SARIF descriptions
 * alike: its blocks, and each rule's section.
 */

/** The paragraphs and other blocks of a Markdown text, code fences whole, headings on their own. */
export function markdownBlocks(markdown: string): string[] {
  const result: string[] = [];
  let current: string[] = [];
  let fence = false;
  const flush = () => {
    if (current.length > 0) result.push(current.join('\n'));
    current = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      if (!fence) flush();
      current.push(line);
      fence = !fence;
      if (!fence) flush();
    } else if (fence) {
      current.push(line);
    } else if (line.trim() === '') {
      flush();
    } else if (/^#{1,6} /.test(line)) {
      flush();
      result.push(line);
    } else {
      current.push(line);
    }
  }
  flush();
  return result;
}

/** Each rule's section, by code: its heading (## `code`) and the blocks up to the next heading of that level. */
export function ruleSections(markdown: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const block of markdownBlocks(markdown)) {
    const heading = /^(#{1,2}) +(.*?)\s*#*$/.exec(block);
    if (heading) {
      const code = heading[1] === '##' ? /^`([a-z0-9-]+\/[a-z0-9-]+)`$/.exec(heading[2])?.[1] : undefined;
      current = undefined;
      if (code) {
        current = [block];
        sections.set(code, current);
      }
      continue;
    }
    current?.push(block);
  }
  return sections;
}
