/**
 * Confirmations: the synchronous answer to every ISO 18626 message. Building one never throws, whatever the
 * echo holds (it is often read from a message that failed to parse); reading one is lenient, because what
 * matters in a partner's confirmation is OK or ERROR and the error, not whether they echoed every id.
 */
import { DEFAULT_MAX_BYTES, readRoot } from './root.ts';
import { isClosedValue, type IsoErrorType } from './lists.ts';
import type {
  AgencyId,
  ConfirmationEcho,
  ConfirmationExtras,
  ConfirmationKind,
  IsoError,
  IsoMessageKind,
  IsoVersion,
  ParsedConfirmation,
} from './messages.ts';
import { SCHEMAS } from './schema.ts';
import { childrenNamed, quote, readDateTime, readEcho } from './xml-read.ts';
import { writeDocument } from './xml-write.ts';

export const CONFIRMATION_OF: Record<IsoMessageKind, ConfirmationKind> = {
  request: 'requestConfirmation',
  supplyingAgencyMessage: 'supplyingAgencyMessageConfirmation',
  requestingAgencyMessage: 'requestingAgencyMessageConfirmation',
};

const usableAgency = (id: AgencyId | undefined): AgencyId | undefined =>
  id && id.agencyIdType?.trim() && id.agencyIdValue?.trim() ? id : undefined;

const validDate = (value: unknown): Date | undefined => {
  const date = value instanceof Date ? value : typeof value === 'string' ? readDateTime(value) : undefined;
  return date && !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999
    ? date
    : undefined;
};

/**
 * The confirmation of a message of `kind` (use 'request' when the kind could not be read). `timestamp` is now,
 * `timestampReceived` the confirmed message's own timestamp (now when unknown). Echoes that would not be valid
 * (an agency id missing a part, an action the version lacks) are left out rather than break the answer.
 */
export function buildConfirmation(
  kind: IsoMessageKind,
  echo: ConfirmationEcho,
  status: 'OK' | IsoError,
  version: IsoVersion,
  extras: ConfirmationExtras = {},
): string {
  const now = validDate(extras.now) ?? new Date();
  const confirmation = CONFIRMATION_OF[kind] ?? 'requestConfirmation';
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : undefined;
  const error = status === 'OK' ? null : status;
  const errorType: IsoErrorType =
    error && isClosedValue(version, 'errorType', error.errorType) ? error.errorType : 'BadlyFormedMessage';
  const body: Record<string, unknown> = {
    confirmationHeader: {
      supplyingAgencyId: usableAgency(echo.supplyingAgencyId),
      requestingAgencyId: usableAgency(echo.requestingAgencyId),
      timestamp: now,
      requestingAgencyRequestId: text(echo.requestingAgencyRequestId),
      multipleItemRequestId: text(echo.multipleItemRequestId),
      timestampReceived: validDate(echo.timestamp) ?? now,
      messageStatus: error ? 'ERROR' : 'OK',
    },
    errorData: error ? [{ errorType, errorValue: text(error.errorValue) }] : undefined,
  };
  if (confirmation === 'supplyingAgencyMessageConfirmation' && extras.reasonForMessage)
    if (isClosedValue(version, 'reasonForMessage', extras.reasonForMessage))
      body.reasonForMessage = extras.reasonForMessage;
  if (confirmation === 'requestingAgencyMessageConfirmation' && extras.action)
    if (isClosedValue(version, 'action', extras.action)) body.action = extras.action;
  return writeDocument(confirmation, confirmation, body, {
    version,
    table: SCHEMAS[version] ?? SCHEMAS['2021'],
  });
}

const CONFIRMATION_KINDS: readonly string[] = Object.values(CONFIRMATION_OF);

/** A partner's confirmation of what we sent. Never throws. */
export function parseConfirmation(xml: string | Buffer): ParsedConfirmation {
  try {
    const root = readRoot(xml, DEFAULT_MAX_BYTES);
    if (!root.ok) return { ok: false, reason: root.reason || root.fault?.errorValue || 'unreadable' };
    const node = root.message;
    if (!CONFIRMATION_KINDS.includes(node.local))
      return { ok: false, reason: `not a confirmation: <${quote(node.qname)}>` };
    const header = childrenNamed(node, 'confirmationHeader')[0];
    const status = header && childrenNamed(header, 'messageStatus')[0]?.text.trim();
    if (status !== 'OK' && status !== 'ERROR')
      return { ok: false, reason: `no messageStatus OK or ERROR (${quote(status ?? 'none')})` };
    const errorData = childrenNamed(node, 'errorData')[0];
    const errorType = errorData && childrenNamed(errorData, 'errorType')[0]?.text.trim();
    const errorValue = errorData && childrenNamed(errorData, 'errorValue')[0]?.text.trim();
    const knownType = !!errorType && isClosedValue(root.version, 'errorType', errorType);
    const { supplyingAgencyRequestId: _unused, ...echo } = readEcho(node, 'confirmationHeader');
    return {
      ok: true,
      kind: node.local as ConfirmationKind,
      version: root.version,
      status,
      ...(knownType ? { errorType: errorType as IsoErrorType } : {}),
      // An errorType outside the list is kept in errorValue, so staff still see what the partner said.
      ...(errorValue || (errorType && !knownType)
        ? {
            errorValue: (knownType ? errorValue! : [errorType, errorValue].filter(Boolean).join(': ')).slice(
              0,
              1000,
            ),
          }
        : {}),
      header: echo,
    };
  } catch (error) {
    return {
      ok: false,
      reason: `unreadable confirmation (${error instanceof Error ? error.message : 'error'})`,
    };
  }
}
