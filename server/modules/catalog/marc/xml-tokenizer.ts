import { isUtf8, type Buffer } from 'node:buffer';
import { ByteWindow } from './source.ts';
import { asBuffer } from './text.ts';

/**
 * A small, safe, streaming XML tokenizer for record-oriented documents (MARCXML, OAI-PMH envelopes).
 *
 * Safety: there is no DTD processing at all. A DOCTYPE (or any other `<!` declaration: ENTITY, ELEMENT, …) is a
 * fatal error and nothing after it is read, so entity-expansion bombs and external entities cannot happen; only
 * the five predefined entities and numeric character references are decoded, any other `&name;` is an error.
 * Nothing is ever fetched or read from disk. Tokens are capped in size and elements in depth, so memory stays
 * bounded on hostile input.
 *
 * Errors are events: `fatal` ones end the document; the others (mismatched end tag, bad attribute, unknown
 * entity, invalid UTF-8) let the caller drop the record concerned and read on from the next tag.
 */

export type XmlName = { qname: string; local: string; ns: string };
export type XmlEvent =
  | ({ type: 'start'; attrs: Map<string, string>; selfClosing: boolean; offset: number } & XmlName)
  | ({ type: 'end'; offset: number } & XmlName)
  | { type: 'text'; text: string; offset: number }
  | { type: 'error'; message: string; offset: number; fatal: boolean };

export type XmlTokenizerOptions = { maxTokenBytes?: number; maxDepth?: number };

const LT = 0x3c;
const GT = 0x3e;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isXmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

export class XmlTokenizer {
  private readonly window = new ByteWindow();
  private readonly maxToken: number;
  private readonly maxDepth: number;
  private readonly stack: string[] = [];
  private readonly scopes: (Map<string, string> | null)[] = [];
  private started = false;
  private dead = false;
  /** Discarding an oversized text node up to the next '<'. */
  private skippingText = false;
  /** Where the search for the end of an unfinished token stopped, so that no byte is searched twice. */
  private resume = { token: -1, at: 0, quote: 0 };
  private latin1: TextDecoder | null = null;
  private out: XmlEvent[] = [];

  constructor(options: XmlTokenizerOptions = {}) {
    this.maxToken = options.maxTokenBytes ?? 16 * 1024 * 1024;
    this.maxDepth = options.maxDepth ?? 256;
  }

  feed(chunk: Uint8Array): XmlEvent[] {
    if (this.dead) return [];
    this.window.append(chunk);
    this.window.consume(this.scan(false));
    return this.take();
  }

  end(): XmlEvent[] {
    if (!this.dead) {
      this.window.consume(this.scan(true));
      if (!this.dead && this.stack.length)
        this.error(this.window.origin, `document ends inside <${this.stack.at(-1)}>`, true);
    }
    return this.take();
  }

  private take(): XmlEvent[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private error(offset: number, message: string, fatal = false): void {
    this.out.push({ type: 'error', message, offset, fatal });
    if (fatal) this.dead = true;
  }

  private text(bytes: Buffer, start: number, end: number, offset: number): string {
    if (this.latin1) return this.latin1.decode(bytes.subarray(start, end));
    const text = bytes.toString('utf8', start, end);
    if (text.includes('\ufffd') && !isUtf8(bytes.subarray(start, end))) {
      this.error(offset, 'invalid UTF-8: bad sequences replaced with U+FFFD');
    }
    return text;
  }

  /** Decodes entity and character references; unknown entities are errors, never expanded. */
  private unescape(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]{0,12});?/g, (match, name: string) => {
      if (match.endsWith(';')) {
        const predefined = PREDEFINED[name];
        if (predefined) return predefined;
        const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(name);
        if (m) {
          const cp = m[1] ? parseInt(m[1], 16) : Number(m[2]);
          if (isXmlChar(cp)) return String.fromCodePoint(cp);
          this.error(offset, `character reference ${match} is not an XML character`);
          return '\ufffd';
        }
        this.error(
          offset,
          `undefined entity ${match} (only the predefined entities are read, nothing is expanded)`,
        );
        return match;
      }
      this.error(offset, `bare '&' in text (write &amp;)`);
      return match;
    });
  }

  private resolve(qname: string, forAttribute: boolean, offset: number): XmlName {
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    if (prefix === '' && forAttribute) return { qname, local, ns: '' };
    if (prefix === 'xml') return { qname, local, ns: XML_NS };
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const ns = this.scopes[i]?.get(prefix);
      if (ns !== undefined) return { qname, local, ns };
    }
    if (prefix) this.error(offset, `undeclared namespace prefix '${prefix}'`);
    return { qname, local, ns: '' };
  }

  private declaration(bytes: Buffer, start: number, end: number): void {
    const decl = bytes.toString('latin1', start, end);
    const encoding = /\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl)?.[1]?.toLowerCase();
    if (!encoding || encoding === 'utf-8' || encoding === 'utf8' || encoding === 'us-ascii') return;
    if (['iso-8859-1', 'latin1', 'latin-1', 'windows-1252', 'cp1252'].includes(encoding)) {
      this.latin1 = new TextDecoder('windows-1252');
    } else
      this.error(start, `unsupported document encoding '${encoding}' (UTF-8 and Latin-1 are read)`, true);
  }

  private startTag(bytes: Buffer, p: number, end: number, offset: number): void {
    // bytes[p] is '<', bytes[end] is '>'
    let i = p + 1;
    while (i < end && !isSpace(bytes[i]) && bytes[i] !== 0x2f) i++;
    const qname = bytes.toString('utf8', p + 1, i);
    const selfClosing = bytes[end - 1] === 0x2f;
    const stop = selfClosing ? end - 1 : end;
    const attrs = new Map<string, string>();
    const source = bytes.toString('utf8', i, stop);
    const pattern = /\s*([^\s=/>"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')|\s*(\S)/gy;
    let declared: Map<string, string> | null = null;
    if (!/^[A-Za-z_][\w.:-]*$/.test(qname))
      return this.error(offset, `malformed start tag <${qname.slice(0, 40)}>`);
    for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
      if (m[4] !== undefined || !m[1]) return this.error(offset, `malformed attributes in <${qname}>`);
      const value = this.unescape((m[2] ?? m[3] ?? '').replace(/[\t\n\r]/g, ' '), offset);
      if (attrs.has(m[1])) return this.error(offset, `duplicate attribute '${m[1]}' in <${qname}>`);
      attrs.set(m[1], value);
      if (m[1] === 'xmlns' || m[1].startsWith('xmlns:')) (declared ??= new Map()).set(m[1].slice(6), value);
    }
    if (this.stack.length >= this.maxDepth)
      return this.error(offset, `elements nested deeper than ${this.maxDepth}`, true);
    this.scopes.push(declared);
    const name = this.resolve(qname, false, offset);
    this.out.push({ type: 'start', ...name, attrs, selfClosing, offset });
    if (selfClosing) {
      this.scopes.pop();
      this.out.push({ type: 'end', ...name, offset });
    } else this.stack.push(qname);
  }

  private endTag(bytes: Buffer, p: number, end: number, offset: number): void {
    const qname = bytes.toString('utf8', p + 2, end).trim();
    const at = this.stack.lastIndexOf(qname);
    if (at < 0) return this.error(offset, `end tag </${qname.slice(0, 40)}> without a start tag: ignored`);
    if (at !== this.stack.length - 1)
      this.error(offset, `end tag </${qname}> closes unclosed <${this.stack.at(-1)}>`);
    while (this.stack.length > at) {
      const name = this.resolve(this.stack.pop()!, false, offset);
      this.out.push({ type: 'end', ...name, offset });
      this.scopes.pop();
    }
  }

  /** Finds the '>' closing a tag at p, skipping quoted attribute values; -1 if not in the window yet. */
  private tagEnd(bytes: Uint8Array, p: number, origin: number): number {
    let quote = 0;
    let from = p + 1;
    if (this.resume.token === origin + p) {
      from = this.resume.at - origin;
      quote = this.resume.quote;
    }
    for (let i = from; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (quote) {
        if (b === quote) quote = 0;
      } else if (b === 0x22 || b === 0x27) quote = b;
      else if (b === GT) return i;
      else if (b === LT) return -2; // '<' inside a tag: malformed
    }
    this.remember(origin + p, origin + bytes.length, quote);
    return -1;
  }

  private remember(token: number, at: number, quote = 0): void {
    this.resume = { token, at, quote };
  }

  /** Where to search from for the end of the token at p (skipping what an earlier call searched). */
  private searchFrom(p: number, from: number, origin: number, overlap: number): number {
    return this.resume.token === origin + p ? Math.max(from, this.resume.at - origin - overlap) : from;
  }

  private scan(final: boolean): number {
    const bytes = asBuffer(this.window.view());
    const origin = this.window.origin;
    let p = 0;
    if (!this.started) {
      if (bytes.length < 4 && !final) return 0;
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) p = 3;
      else if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
        this.error(0, 'UTF-16 documents are not supported: convert to UTF-8', true);
        return bytes.length;
      }
    }
    while (p < bytes.length && !this.dead) {
      const offset = origin + p;
      if (this.skippingText) {
        const q = bytes.indexOf(LT, p);
        if (q < 0) return bytes.length;
        this.skippingText = false;
        p = q;
        continue;
      }
      if (bytes[p] !== LT) {
        let q = bytes.indexOf(LT, this.searchFrom(p, p, origin, 0));
        if (q < 0) {
          if (final) q = bytes.length;
          else if (bytes.length - p <= this.maxToken) {
            this.remember(offset, origin + bytes.length);
            return p;
          } else {
            this.error(offset, `a text node is larger than ${this.maxToken} bytes: skipped`);
            this.skippingText = true;
            return bytes.length;
          }
        }
        const raw = this.text(bytes, p, q, offset);
        if (this.stack.length) this.out.push({ type: 'text', text: this.unescape(raw, offset), offset });
        else if (raw.trim()) this.error(offset, 'text outside the root element: ignored');
        p = q;
        continue;
      }
      if (bytes.length - p < 9 && !final) return p;
      let close: string | null = null;
      if (startsWith(bytes, p, '<?')) close = '?>';
      else if (startsWith(bytes, p, '<!--')) close = '-->';
      else if (startsWith(bytes, p, '<![CDATA[')) close = ']]>';
      else if (bytes[p + 1] === 0x21) {
        const what = bytes.toString('latin1', p, Math.min(bytes.length, p + 12)).split(/\s/)[0];
        this.error(
          offset,
          `${what} declarations are not allowed (no DTD processing): document rejected`,
          true,
        );
        return bytes.length;
      }
      if (close) {
        const from = p + (close === '-->' ? 4 : close === ']]>' ? 9 : 2);
        const q = bytes.indexOf(close, this.searchFrom(p, from, origin, close.length - 1), 'latin1');
        if (q < 0) {
          this.remember(offset, origin + bytes.length);
          if (!final) return this.tooLong(bytes.length - p, offset) ? bytes.length : p;
          this.error(
            offset,
            `unterminated ${close === '?>' ? 'processing instruction' : close === '-->' ? 'comment' : 'CDATA section'}`,
            true,
          );
          return bytes.length;
        }
        if (close === ']]>' && this.stack.length) {
          this.out.push({ type: 'text', text: this.text(bytes, p + 9, q, offset), offset });
        } else if (close === '?>' && startsWith(bytes, p, '<?xml') && isSpace(bytes[p + 5])) {
          if (offset > 3) this.error(offset, 'XML declaration not at the start of the document');
          else this.declaration(bytes, p, q);
        }
        p = q + close.length;
        continue;
      }
      const end = this.tagEnd(bytes, p, origin);
      if (end === -1) {
        if (!final) return this.tooLong(bytes.length - p, offset) ? bytes.length : p;
        this.error(offset, 'document ends inside a tag', true);
        return bytes.length;
      }
      if (end === -2) {
        this.error(offset, "malformed tag: '<' inside a tag");
        p = bytes.indexOf(LT, p + 1);
        continue;
      }
      if (bytes[p + 1] === 0x2f) this.endTag(bytes, p, end, offset);
      else this.startTag(bytes, p, end, offset);
      p = end + 1;
    }
    return this.dead ? bytes.length : p;
  }

  private tooLong(size: number, offset: number): boolean {
    if (size <= this.maxToken) return false;
    this.error(offset, `a single token is larger than ${this.maxToken} bytes: document rejected`, true);
    return true;
  }
}
