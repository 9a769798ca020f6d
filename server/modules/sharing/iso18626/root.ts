/** The checks every ISO 18626 document passes before its message is read: size, XML, root, version, one child. */
import { Buffer } from 'node:buffer';
import type { IsoVersion } from './messages.ts';
import { ISO_NS } from './schema.ts';
import { IsoFault, quote } from './xml-read.ts';
import { attributeNs, readTree, type XmlNode } from './xml-tree.ts';

export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Version attribute values we accept, and the schema each is read with. */
const VERSIONS: Record<string, IsoVersion> = {
  '1.2': '1.2',
  '1.3': '2021',
  '2021': '2021',
  '2021-1': '2021',
  '2021-2': '2021',
};

/** The root's version attribute, plain (`version`) or namespace-qualified (`ill:version`). */
export function versionOf(root: XmlNode): { version?: IsoVersion; raw?: string } {
  for (const [qname, value] of root.attrs) {
    const local = qname.slice(qname.indexOf(':') + 1);
    if (local !== 'version' || qname.startsWith('xmlns')) continue;
    const ns = attributeNs(root, qname);
    if (ns !== '' && ns !== ISO_NS) continue;
    return { version: VERSIONS[value.trim()], raw: value };
  }
  return {};
}

type RootResult =
  | { ok: true; version: IsoVersion; message: XmlNode }
  | {
      ok: false;
      reason: string;
      version?: IsoVersion;
      fault?: IsoFault;
      /** The (first) message, when the document got far enough to have one: its ids can still be echoed. */
      message?: XmlNode;
    };

export function readRoot(xml: string | Buffer, maxBytes: number): RootResult {
  const size = typeof xml === 'string' ? Buffer.byteLength(xml, 'utf8') : xml.length;
  if (size > maxBytes) return { ok: false, reason: `message larger than ${maxBytes} bytes` };
  if (size === 0 || (typeof xml === 'string' && !xml.trim())) return { ok: false, reason: 'empty message' };
  const tree = readTree(xml);
  if (!tree.ok) return { ok: false, reason: tree.reason };
  const root = tree.root;
  if (root.local !== 'ISO18626Message')
    return { ok: false, reason: `unknown root element <${quote(root.qname)}>` };
  if (root.ns !== ISO_NS)
    return { ok: false, reason: `root element not in the ISO 18626 namespace (${quote(root.ns || 'none')})` };
  const { version, raw } = versionOf(root);
  const message = root.children[0];
  if (raw === undefined) return { ok: false, reason: 'missing version attribute', message };
  if (!version) {
    const fault = new IsoFault('UnrecognisedDataValue', `version: ${quote(raw)}`);
    return { ok: false, reason: '', fault, message };
  }
  if (root.text.trim()) return { ok: false, version, reason: 'text directly under ISO18626Message', message };
  if (root.children.length !== 1)
    return {
      ok: false,
      version,
      reason: root.children.length ? 'more than one message in one ISO18626Message' : 'no message',
      message,
    };
  return { ok: true, version, message: root.children[0]! };
}
