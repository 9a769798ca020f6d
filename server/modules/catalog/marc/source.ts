/** What the readers accept: a Node Readable (without an encoding), any byte async iterable, or bytes. */
export type MarcSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array> | Uint8Array;

export async function* chunksOf(source: MarcSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    if (typeof chunk === 'string') {
      throw new TypeError('MARC readers need bytes: open the stream without an encoding (no setEncoding)');
    }
    if (chunk.length) yield chunk;
  }
}

/** A growable byte window: bytes are appended at the end and consumed from the front. */
export class ByteWindow {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  /** File offset of bytes[0]. */
  origin = 0;

  append(chunk: Uint8Array): void {
    const need = this.length + chunk.length;
    if (need > this.bytes.length) {
      let size = this.bytes.length;
      while (size < need) size *= 2;
      const bigger = new Uint8Array(size);
      bigger.set(this.bytes.subarray(0, this.length));
      this.bytes = bigger;
    }
    this.bytes.set(chunk, this.length);
    this.length = need;
  }

  /** Drops the first `count` bytes; shrinks the storage again after an unusually large record. */
  consume(count: number): void {
    if (count <= 0) return;
    this.bytes.copyWithin(0, count, this.length);
    this.length -= count;
    this.origin += count;
    if (this.bytes.length > 1 << 22 && this.length < 1 << 16) {
      this.bytes = this.bytes.slice(0, 1 << 16);
    }
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Feeds a source through a synchronous push parser in bounded slices, yielding what it produces. */
export async function* pump<T>(
  source: MarcSource,
  parser: { feed(bytes: Uint8Array): T[]; end(): T[] },
  slice = 1 << 18,
): AsyncGenerator<T> {
  for await (const chunk of chunksOf(source)) {
    for (let at = 0; at < chunk.length; at += slice) {
      for (const item of parser.feed(chunk.subarray(at, Math.min(chunk.length, at + slice)))) yield item;
    }
  }
  for (const item of parser.end()) yield item;
}
