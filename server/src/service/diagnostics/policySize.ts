/**
 * A policy's size as AWS counts it: white space outside strings does not count.
 * `characters` for IAM's quotas, `bytes` (UTF-8) for Kinesis's 20 KB limit.
 */
export function policySize(text: string): { characters: number; bytes: number } {
  let characters = 0;
  let bytes = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!inString && (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d)) continue;
    if (code === 0x22) inString = !inString;
    else if (code === 0x5c && inString) {
      // An escape: count it and the character it escapes, which cannot end the string.
      characters++;
      bytes++;
      i++;
      if (i >= text.length) break;
    }
    characters++;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
  }
  return { characters, bytes };
}
