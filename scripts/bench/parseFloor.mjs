// The parse floor: `jsonc-parser`'s `parseTree` on the same text, in this process. No server can
// validate or complete on a fresh version faster than it can parse it; this is that lower bound.
import { parseTree } from 'jsonc-parser';
import { ms, now } from './lspDriver.mjs';

/** Parse times in ms: a few warm-up parses, then as many as fit in `budgetMs` (at least 5, at most 200). */
export function measureParseFloor(text, budgetMs = 1500) {
  for (let i = 0; i < 3; i++) parseTree(text, [], { allowTrailingComma: true });
  const times = [];
  const start = now();
  while (times.length < 200 && (times.length < 5 || ms(start) < budgetMs)) {
    const t = now();
    parseTree(text, [], { allowTrailingComma: true });
    times.push(ms(t));
  }
  return times;
}
