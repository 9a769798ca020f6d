/**
 * ISO 18626 XML codec: the public entry points. Reading never throws and answers every fault with the
 * errorType/errorValue the ERROR confirmation carries (see docs/decisions for the table); writing walks the
 * target version's schema table (schema.ts), so what we send validates against that version's XSD.
 */
import type { Buffer } from 'node:buffer';
import type {
  IsoMessage,
  IsoMessageKind,
  IsoSupplyingAgencyMessage,
  IsoVersion,
  ParsedMessage,
  UnknownCode,
} from './messages.ts';
import { ISO_NS, SCHEMAS } from './schema.ts';
import { IsoFault, quote, readComplex, readEcho } from './xml-read.ts';
import { readRoot } from './root.ts';
import { IsoBuildError, writeDocument } from './xml-write.ts';

export { IsoBuildError };
export { buildConfirmation, parseConfirmation } from './confirmation.ts';

export { DEFAULT_MAX_BYTES } from './root.ts';
import { DEFAULT_MAX_BYTES } from './root.ts';

const MESSAGE_KINDS: readonly string[] = ['request', 'supplyingAgencyMessage', 'requestingAgencyMessage'];

export function parseMessage(xml: string | Buffer, opts: { maxBytes?: number } = {}): ParsedMessage {
  try {
    return parse(xml, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (error) {
    // Not expected: every fault is handled above. A reader facing the network must still never throw.
    const reason = error instanceof Error ? error.message : 'error';
    return {
      ok: false,
      errorType: 'BadlyFormedMessage',
      errorValue: `unreadable message (${quote(reason)})`,
    };
  }
}

function parse(xml: string | Buffer, maxBytes: number): ParsedMessage {
  const root = readRoot(xml, maxBytes);
  if (!root.ok) {
    const fault = root.fault ?? new IsoFault('BadlyFormedMessage', root.reason);
    const known = root.message?.ns === ISO_NS && MESSAGE_KINDS.includes(root.message.local);
    return {
      ok: false,
      version: root.version,
      ...(known ? { kind: root.message!.local as IsoMessageKind, header: readEcho(root.message!) } : {}),
      errorType: fault.errorType,
      errorValue: fault.errorValue,
    };
  }
  const { version, message: node } = root;
  if (node.ns !== ISO_NS || !MESSAGE_KINDS.includes(node.local))
    return {
      ok: false,
      version,
      errorType: 'UnrecognisedDataElement',
      errorValue: `ISO18626Message/${quote(node.qname)}`,
    };
  const kind = node.local as IsoMessageKind;
  const header = readEcho(node);
  const unknownCodes: UnknownCode[] = [];
  try {
    const read = readComplex(node, kind, kind, { version, table: SCHEMAS[version], unknownCodes });
    const message = fromXmlShape(kind, read, version);
    if (!message.header.supplyingAgencyId)
      // Schema-valid in a 2021 request (transfer requests), but we route by it: say what is missing.
      throw new IsoFault('BadlyFormedMessage', `missing ${kind}/header/supplyingAgencyId`);
    return { ok: true, version, kind, message, unknownCodes };
  } catch (error) {
    if (!(error instanceof IsoFault)) throw error;
    return { ok: false, kind, version, header, errorType: error.errorType, errorValue: error.errorValue };
  }
}

const RETRY_TERMS = ['offeredCosts', 'retryAfter', 'retryBefore'] as const;

/** The version-specific XML shape read by the schema walk, normalised to the model. */
function fromXmlShape(kind: IsoMessageKind, read: Record<string, unknown>, version: IsoVersion): IsoMessage {
  const message = { kind, ...read } as IsoMessage;
  if (message.kind === 'supplyingAgencyMessage' && version === '2021' && message.retryInfo) {
    const retry = message.retryInfo as Record<string, unknown>;
    for (const key of RETRY_TERMS) {
      if (retry[key] !== undefined) (message.messageInfo as Record<string, unknown>)[key] = retry[key];
      delete retry[key];
    }
    if (!Object.keys(retry).length) delete message.retryInfo;
  }
  return message;
}

/** The model in the XML shape of a version (retry terms move to retryInfo in 2021). */
function toXmlShape(message: IsoMessage, version: IsoVersion): Record<string, unknown> {
  const { kind: _kind, ...rest } = message;
  if (message.kind !== 'supplyingAgencyMessage' || version !== '2021') return rest;
  const sam = rest as Omit<IsoSupplyingAgencyMessage, 'kind'>;
  const { offeredCosts, retryAfter, retryBefore, ...messageInfo } = sam.messageInfo;
  const retryInfo = { ...sam.retryInfo, offeredCosts, retryAfter, retryBefore };
  const hasRetry = Object.values(retryInfo).some((v) => v !== undefined);
  return { ...sam, messageInfo, retryInfo: hasRetry ? retryInfo : undefined };
}

/**
 * The message as XML that validates against the XSD of `version`. Parts the version does not have are left
 * out. `plainVersionAttribute` writes `version="…"` for partners that want it (not schema-valid).
 * Throws IsoBuildError when the model lacks a mandatory part or uses a closed value the version lacks
 * (e.g. action Lost in v1.2): callers map before building.
 */
export function buildMessage(
  message: IsoMessage,
  version: IsoVersion,
  opts: { plainVersionAttribute?: boolean } = {},
): string {
  const table = SCHEMAS[version];
  if (!table) throw new IsoBuildError(`unknown ISO 18626 version ${String(version)}`);
  return writeDocument(
    message.kind,
    message.kind,
    toXmlShape(message, version),
    { version, table },
    opts.plainVersionAttribute,
  );
}
