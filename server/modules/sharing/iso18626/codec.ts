/**
 * ISO 18626 XML codec: the public entry points. Reading never throws; writing throws IsoBuildError only when
 * the model cannot make a schema-valid message (a programming error, not bad input).
 */
import type {
  ConfirmationEcho,
  ConfirmationExtras,
  IsoError,
  IsoMessage,
  IsoMessageKind,
  IsoVersion,
  ParsedConfirmation,
  ParsedMessage,
} from './messages.ts';

export const DEFAULT_MAX_BYTES = 1024 * 1024;

export class IsoBuildError extends Error {}

export function parseMessage(_xml: string | Buffer, _opts?: { maxBytes?: number }): ParsedMessage {
  return { ok: false, errorType: 'BadlyFormedMessage', errorValue: 'not yet' };
}

export function buildMessage(
  _message: IsoMessage,
  _version: IsoVersion,
  _opts?: { plainVersionAttribute?: boolean },
): string {
  throw new IsoBuildError('not yet');
}

/** `kind` is the kind of the message being confirmed (use 'request' when it could not be read). */
export function buildConfirmation(
  _kind: IsoMessageKind,
  _echo: ConfirmationEcho,
  _status: 'OK' | IsoError,
  _version: IsoVersion,
  _extras?: ConfirmationExtras,
): string {
  throw new IsoBuildError('not yet');
}

export function parseConfirmation(_xml: string | Buffer): ParsedConfirmation {
  return { ok: false, reason: 'not yet' };
}
