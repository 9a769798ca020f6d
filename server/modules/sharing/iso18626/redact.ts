/**
 * Patron data never reaches the message log. Bodies are redacted as text, not re-serialised, so the log shows
 * what was sent or received byte for byte apart from the patron's details, and hostile or broken input (which
 * cannot be parsed) is redacted just the same. Only patronInfo is personal in ISO 18626: delivery addresses
 * are the library's. Scans are linear, whatever the input.
 */
import type { IsoMessage } from './messages.ts';
import { escapeXml } from './xml-write.ts';
import { readTree, type XmlNode } from './xml-tree.ts';

/**
 * An open or close patronInfo tag, with any prefix; quoted attribute values may hold '>' but never '<', so no
 * match reaches past the next '<' and the scan stays linear.
 */
const PATRON_TAG = /<(\/)?(?:[A-Za-z_][\w.-]*:)?patronInfo(?=[\s/>])(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/g;

/**
 * The same XML with the content of every patronInfo element removed (`<patronInfo></patronInfo>` stays, so
 * the log shows there was one). A patronInfo left open to the end of the text loses everything after it.
 */
export function redactPatron(xml: string): string {
  let out = '';
  let from = 0;
  let depth = 0;
  for (const m of xml.matchAll(PATRON_TAG)) {
    const closing = m[1] === '/';
    const selfClosing = !closing && m[0].endsWith('/>');
    if (closing) {
      if (depth === 0) continue;
      if (--depth === 0) from = m.index;
    } else if (!selfClosing) {
      if (depth++ === 0) out += xml.slice(from, m.index + m[0].length);
    }
  }
  return depth > 0 ? out : out + xml.slice(from);
}

/** The message without patronInfo (for logging a model, or building the copy that is stored). */
export function withoutPatron<M extends IsoMessage>(message: M): M {
  if (message.kind !== 'request' || !message.patronInfo) return message;
  const { patronInfo: _patron, ...rest } = message;
  return rest as M;
}

const PRETTY_MAX = 2 * 1024 * 1024;

/**
 * Indents XML for the staff message log. Text-only elements stay on one line. Input that is not well-formed
 * (or too large) comes back unchanged: the log shows it as text. Comments and processing instructions are
 * not kept.
 */
export function prettyPrint(xml: string): string {
  if (xml.length > PRETTY_MAX) return xml;
  const tree = readTree(xml);
  if (!tree.ok) return xml;
  const lines: string[] = [];
  if (/^\s*<\?xml\s/.test(xml)) lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  writeNode(tree.root, 0, lines);
  return `${lines.join('\n')}\n`;
}

function writeNode(node: XmlNode, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = [...node.attrs].map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  const text = node.text.trim();
  if (!node.children.length) {
    lines.push(
      text
        ? `${pad}<${node.qname}${attrs}>${escapeXml(text)}</${node.qname}>`
        : `${pad}<${node.qname}${attrs}/>`,
    );
    return;
  }
  lines.push(`${pad}<${node.qname}${attrs}>`);
  if (text) lines.push(`${pad}  ${escapeXml(text)}`);
  for (const child of node.children) writeNode(child, depth + 1, lines);
  lines.push(`${pad}</${node.qname}>`);
}
