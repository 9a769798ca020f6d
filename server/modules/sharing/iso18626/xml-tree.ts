/**
 * Reads a small XML document into a tree, strictly: any well-formedness problem the tokenizer reports (it has
 * no DTD processing at all — a DOCTYPE or entity declaration is fatal, and only the predefined entities and
 * character references are decoded) rejects the whole document, as do characters XML 1.0 forbids, more than one
 * root, and documents nested or sized beyond the limits. Never throws: the result says what went wrong.
 */
import { Buffer } from 'node:buffer';
import { XmlTokenizer, type XmlEvent } from '../../catalog/marc/xml-tokenizer.ts';

export type XmlNode = {
  local: string;
  ns: string;
  qname: string;
  attrs: Map<string, string>;
  children: XmlNode[];
  text: string;
  parent: XmlNode | null;
};

export type TreeResult = { ok: true; root: XmlNode } | { ok: false; reason: string };

const MAX_DEPTH = 32;
const MAX_ELEMENTS = 5000;
const CHUNK = 16 * 1024;
// Characters outside the XML 1.0 Char production (the tokenizer already rejects bad character references).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** The same, for replacing every occurrence. */
export const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'gu');

export function readTree(input: string | Uint8Array): TreeResult {
  try {
    return build(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
  } catch (error) {
    // Defensive: the tokenizer reports errors as events, but a reader on hostile input must never throw.
    return { ok: false, reason: `unreadable XML (${error instanceof Error ? error.message : 'error'})` };
  }
}

function build(bytes: Uint8Array): TreeResult {
  const tokenizer = new XmlTokenizer({ maxTokenBytes: bytes.length + 1, maxDepth: MAX_DEPTH });
  let root: XmlNode | null = null;
  let current = null as XmlNode | null;
  let count = 0;
  // Fed in chunks so that a document breaking a limit early is not tokenized to its end.
  for (const event of events(tokenizer, bytes)) {
    switch (event.type) {
      case 'error':
        return { ok: false, reason: `not well-formed XML: ${event.message.replace(/: ignored$/, '')}` };
      case 'start': {
        if (++count > MAX_ELEMENTS) return { ok: false, reason: `more than ${MAX_ELEMENTS} elements` };
        if (!current && root) return { ok: false, reason: 'more than one root element' };
        for (const value of event.attrs.values()) {
          if (NOT_XML_CHAR.test(value)) return { ok: false, reason: 'a character XML does not allow' };
        }
        const node: XmlNode = {
          local: event.local,
          ns: event.ns,
          qname: event.qname,
          attrs: event.attrs,
          children: [],
          text: '',
          parent: current,
        };
        if (current) current.children.push(node);
        else root = node;
        current = node;
        break;
      }
      case 'end':
        current = current?.parent ?? null;
        break;
      case 'text':
        if (NOT_XML_CHAR.test(event.text)) return { ok: false, reason: 'a character XML does not allow' };
        if (current) current.text += event.text;
        break;
    }
  }
  if (!root) return { ok: false, reason: 'no root element' };
  if (current) return { ok: false, reason: 'document ends inside an element' };
  return { ok: true, root };
}

function* events(tokenizer: XmlTokenizer, bytes: Uint8Array): Generator<XmlEvent> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield* tokenizer.feed(bytes.subarray(at, at + CHUNK));
  yield* tokenizer.end();
}

/** Resolves an attribute's namespace from the xmlns declarations in scope (plain names have none). */
export function attributeNs(node: XmlNode, qname: string): string {
  const colon = qname.indexOf(':');
  if (colon < 0) return '';
  const prefix = qname.slice(0, colon);
  for (let n: XmlNode | null = node; n; n = n.parent) {
    const ns = n.attrs.get(`xmlns:${prefix}`);
    if (ns !== undefined) return ns;
  }
  return '';
}
