import { Document, visit } from 'yaml';
import { yamlString } from './yamlScalars';
import { templateString } from './writtenValues';

/** A value of a policy, as `JSON.parse` reads it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value that holds something not known here (`${unknown}`), which cannot be written back. */
export class Unwritable extends Error {}

/**
 * Values written as a template writes them: YAML block or flow style, or JSON in a JSON template
 * (YAML's flow style, quoted), with the stack's values in a `!Sub` (`Fn::Sub`).
 */
export class ValueText {
  constructor(
    private readonly jsonTemplate: boolean,
    private readonly eol: string,
  ) {}

  /** A value in flow style on one line, as JSON-like YAML (JSON in a JSON template) that reads back as the value. */
  flow(value: Json): string {
    if (typeof value === 'string') return this.string(value, true);
    if (Array.isArray(value)) return `[${value.map((v) => this.flow(v)).join(', ')}]`;
    if (isObject(value)) {
      const key = (k: string) => (this.jsonTemplate ? JSON.stringify(k) : yamlString(k, 'plain', true));
      return `{${Object.entries(value).map(([k, v]) => `${key(k)}: ${this.flow(v)}`).join(', ')}}`;
    }
    return JSON.stringify(value);
  }

  /** A string as the template writes it: the stack's values in a `!Sub` (see `templateString`). */
  string(value: string, inFlow: boolean): string {
    const written = templateString(value);
    if (!written) throw new Unwritable();
    if (this.jsonTemplate) return written.sub ? `{ "Fn::Sub": ${JSON.stringify(written.text)} }` : JSON.stringify(written.text);
    return written.sub ? `!Sub '${written.text.replace(/'/g, "''")}'` : yamlString(written.text, 'plain', inFlow);
  }

  /** A value in block style, its first line where the cursor is and the rest at `indent` columns. */
  block(value: Json, indent: number): string {
    const document = new Document(value);
    visit(document, {
      Scalar(_key, node) {
        if (typeof node.value !== 'string') return;
        const written = templateString(node.value);
        if (!written) throw new Unwritable();
        node.value = written.text;
        if (written.sub) {
          node.tag = '!Sub';
          node.type = 'QUOTE_SINGLE';
        }
      },
    });
    const lines = document.toString({ indent: 2, lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).replace(/\n$/, '').split('\n');
    return lines.map((line, i) => (i === 0 ? line : ' '.repeat(indent) + line)).join(this.eol);
  }

  /** A value as pretty JSON, its first line where the cursor is and the rest under `indent`. */
  json(value: Json, indent: string, unit: string): string {
    const inner = indent + unit;
    const lines = (items: string[], open: string, close: string) =>
      items.length === 0 ? open + close : `${open}${this.eol}${inner}${items.join(`,${this.eol}${inner}`)}${this.eol}${indent}${close}`;
    if (Array.isArray(value)) return lines(value.map((v) => this.json(v, inner, unit)), '[', ']');
    if (isObject(value)) return lines(Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${this.json(v, inner, unit)}`), '{', '}');
    return this.flow(value);
  }
}

export function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
