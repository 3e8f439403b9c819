/**
 * JSON-RPC messages encoded for a stream: the header and the UTF-8 JSON body. A notification
 * with thousands of diagnostics is megabytes of JSON; written as one string and then one buffer
 * of the same size, it held both at once, the string in the part of the heap that only a full
 * collection frees. Here a long array is serialized a few dozen elements at a time and each part
 * encoded at once into buffers of 64 KB, so that only the encoded bytes add up; a writer may encode
 * in steps (`encodeMessageSteps`) and hand the buffers back once written (`PieceBuffers`). Small
 * messages stay one string and one buffer. For plain data, as every LSP message is, the bytes are
 * those of `JSON.stringify`.
 */
import { finish } from '../service/steps';

/** Messages up to this many characters are gathered as text and encoded once. */
const SMALL_CHARS = 16 * 1024;
/** The size of the buffers a large message is encoded into. */
const PIECE_BYTES = 64 * 1024;
/** The most characters encoded at once: their UTF-8 fits an empty buffer. */
const PART_CHARS = Math.floor(PIECE_BYTES / 3);
/** Arrays shorter than this are serialized whole; longer ones this many elements at a time. */
const LONG_ARRAY = 64;
/** Objects nested deeper are serialized whole (and `JSON.stringify` reports any cycle). */
const MAX_DEPTH = 8;

/** `Content-Length: N\r\n\r\n` and the message's JSON, in as few buffers as its size allows. */
export function encodeMessage(message: unknown): Buffer[] {
  return finish(encodeMessageSteps(message));
}

/** How many parts of a long array are encoded between two pauses: a thousand diagnostics or so. */
const PARTS_PER_STEP = 16;

/**
 * Buffers of 64 KB given back once what was encoded into them is written, for the next large
 * message: publishing thousands of diagnostics after each keystroke allocated megabytes of them
 * each time, which the heap frees only when it next collects in full. Holds at most `capacity`.
 */
export class PieceBuffers {
  private readonly free: Buffer[] = [];

  constructor(private readonly capacity = 128) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(PIECE_BYTES);
  }

  /** Gives back buffers whose bytes are no longer read. */
  giveBack(buffers: readonly Buffer[]): void {
    for (const buffer of buffers) if (this.free.length < this.capacity && buffer.length === PIECE_BYTES) this.free.push(buffer);
  }

  get size(): number {
    return this.free.length;
  }
}

/** An encoded message: the buffers to write, and the 64 KB buffers they were cut from. */
export interface Encoded {
  buffers: Buffer[];
  taken: Buffer[];
}

/** `encodeMessage` in steps, pausing every thousand elements or so of a long array; its buffers taken from `pool`. */
export function* encodeMessageSteps(message: unknown, pool?: PieceBuffers): Generator<void, Buffer[], void> {
  return (yield* encodeInto(message, pool)).buffers;
}

/**
 * The JSON of the elements of long arrays, by element, for messages whose elements never change once
 * sent: a document's diagnostics are published again after each keystroke, most of them the very
 * objects published before (see `KeptFindings`), and writing a thousand of them was most of what
 * publishing allocated. The strings live as long as their objects do.
 */
export type ElementJson = WeakMap<object, string>;

/** The same, saying which 64 KB buffers it took, to give back once they are written; `known` as above. */
export function* encodeInto(message: unknown, pool?: PieceBuffers, known?: ElementJson): Generator<void, Encoded, void> {
  const out = new Pieces(pool);
  if (!(yield* writeValue(message, out, 0, known))) out.add('null');
  return { buffers: out.finish(), taken: out.taken };
}

class Pieces {
  /** The 64 KB buffers this message was encoded into. */
  readonly taken: Buffer[] = [];

  constructor(private readonly pool: PieceBuffers | undefined) {}

  private allocate(): Buffer {
    const buffer = this.pool ? this.pool.take() : Buffer.allocUnsafe(PIECE_BYTES);
    this.taken.push(buffer);
    return buffer;
  }

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
      this.current = this.allocate();
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
    // In parts that fit an empty buffer (a UTF-16 code unit takes at most three bytes in UTF-8),
    // never between the two halves of a surrogate pair.
    for (let from = 0; from < text.length; ) {
      let to = Math.min(text.length, from + PART_CHARS);
      if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
      const part = from === 0 && to === text.length ? text : text.slice(from, to);
      const room = this.current!.length - this.used;
      // Counted exactly only when it matters.
      if (part.length * 3 > room && Buffer.byteLength(part, 'utf8') > room) {
        this.seal();
        this.current = this.allocate();
      }
      this.used += this.current!.write(part, this.used, 'utf8');
      from = to;
    }
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
function* writeValue(value: unknown, out: Pieces, depth: number, known?: ElementJson): Generator<void, boolean, void> {
  if (depth < MAX_DEPTH && Array.isArray(value) && value.length >= LONG_ARRAY && !hasToJson(value)) {
    out.add('[');
    for (let i = 0, parts = 0; i < value.length; i += LONG_ARRAY) {
      if (i > 0) out.add(',');
      // JSON.stringify is fastest on many elements at once; slicing its text off the brackets copies nothing.
      if (!known) out.add(JSON.stringify(value.slice(i, i + LONG_ARRAY)).slice(1, -1));
      else {
        for (let k = i; k < value.length && k < i + LONG_ARRAY; k++) {
          if (k > i) out.add(',');
          out.add(elementJson(value[k], known));
        }
      }
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
      if (!(yield* writeValue(member, out, depth + 1, known))) out.add('null');
    }
    out.add('}');
    return true;
  }
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return false;
  out.add(json);
  return true;
}

/** An array element's JSON, as `JSON.stringify` writes it inside an array; an object's remembered in `known`. */
function elementJson(element: unknown, known: ElementJson): string {
  if (typeof element !== 'object' || element === null) {
    const json: string | undefined = JSON.stringify(element);
    return json ?? 'null';
  }
  let json = known.get(element);
  if (json === undefined) known.set(element, (json = JSON.stringify(element)));
  return json;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || hasToJson(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
