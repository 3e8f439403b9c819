/**
 * JSON-RPC messages encoded for a stream: the header and the UTF-8 JSON body. A notification
 * with thousands of diagnostics is megabytes of JSON; written as one string and then one buffer
 * of the same size, it held both at once, the string in the part of the heap that only a full
 * collection frees. Here a long array is serialized a few dozen elements at a time and each part
 * encoded at once into buffers of 64 KB, so that only the encoded bytes add up. Small messages
 * stay one string and one buffer. For plain data, as every LSP message is, the bytes are those
 * of `JSON.stringify`.
 */

/** Messages up to this many characters are gathered as text and encoded once. */
const SMALL_CHARS = 16 * 1024;
/** The size of the buffers a large message is encoded into. */
const PIECE_BYTES = 64 * 1024;
/** Arrays shorter than this are serialized whole; longer ones this many elements at a time. */
const LONG_ARRAY = 64;
/** Objects nested deeper are serialized whole (and `JSON.stringify` reports any cycle). */
const MAX_DEPTH = 8;

/** `Content-Length: N\r\n\r\n` and the message's JSON, in as few buffers as its size allows. */
export function encodeMessage(message: unknown): Buffer[] {
  const steps = encodeMessageSteps(message);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many parts of a long array are encoded between two pauses: a thousand diagnostics or so. */
const PARTS_PER_STEP = 16;

/** `encodeMessage` in steps, pausing every thousand elements or so of a long array. */
export function* encodeMessageSteps(message: unknown): Generator<void, Buffer[], void> {
  const out = new Pieces();
  if (!(yield* writeValue(message, out, 0))) out.add('null');
  return out.finish();
}

class Pieces {
  /** Text not yet encoded; only while the message is small. */
  private text = '';
  /** Once the message is large: the buffers filled, and the one being filled. */
  private readonly pieces: Buffer[] = [];
  private current: Buffer | undefined;
  private used = 0;
  private byteLength = 0;

  add(text: string): void {
    if (this.current === undefined) {
      if (this.text.length + text.length <= SMALL_CHARS) {
        this.text += text;
        return;
      }
      this.current = Buffer.allocUnsafe(PIECE_BYTES);
      const gathered = this.text;
      this.text = '';
      this.encode(gathered);
    }
    this.encode(text);
  }

  finish(): Buffer[] {
    if (this.current === undefined) {
      const body = this.text;
      return [Buffer.from(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`, 'utf8')];
    }
    this.seal();
    return [Buffer.from(`Content-Length: ${this.byteLength}\r\n\r\n`, 'ascii'), ...this.pieces];
  }

  private encode(text: string): void {
    const room = this.current!.length - this.used;
    // A UTF-16 code unit takes at most three bytes in UTF-8; count exactly only when it matters.
    if (text.length * 3 > room && Buffer.byteLength(text, 'utf8') > room) {
      this.seal();
      if (text.length * 3 > PIECE_BYTES) {
        const piece = Buffer.from(text, 'utf8');
        this.pieces.push(piece);
        this.byteLength += piece.length;
        return;
      }
      this.current = Buffer.allocUnsafe(PIECE_BYTES);
    }
    this.used += this.current!.write(text, this.used, 'utf8');
  }

  /** Closes the buffer being filled; what is left of it is filled next. */
  private seal(): void {
    if (this.used === 0) return;
    this.pieces.push(this.current!.subarray(0, this.used));
    this.byteLength += this.used;
    this.current = this.current!.subarray(this.used);
    this.used = 0;
  }
}

/** Writes `value` as JSON; false when JSON has no text for it (undefined, a function, a symbol). */
function* writeValue(value: unknown, out: Pieces, depth: number): Generator<void, boolean, void> {
  if (depth < MAX_DEPTH && Array.isArray(value) && value.length >= LONG_ARRAY && !hasToJson(value)) {
    out.add('[');
    // JSON.stringify is fastest on many elements at once; slicing its text off the brackets copies nothing.
    for (let i = 0, parts = 0; i < value.length; i += LONG_ARRAY) {
      if (i > 0) out.add(',');
      out.add(JSON.stringify(value.slice(i, i + LONG_ARRAY)).slice(1, -1));
      if (++parts % PARTS_PER_STEP === 0) yield;
    }
    out.add(']');
    return true;
  }
  if (depth < MAX_DEPTH && isPlainObject(value)) {
    out.add('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      out.add(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      if (!(yield* writeValue(member, out, depth + 1))) out.add('null');
    }
    out.add('}');
    return true;
  }
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return false;
  out.add(json);
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || hasToJson(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
