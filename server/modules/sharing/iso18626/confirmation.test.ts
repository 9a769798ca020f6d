import { describe, expect, it } from 'vitest';
import { buildConfirmation, CONFIRMATION_OF, parseConfirmation } from './confirmation.ts';
import type { IsoMessageKind, IsoVersion } from './messages.ts';
import { validateXsd } from './fixtures/xsd.ts';

const echo = {
  supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NRL' },
  requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-AMC01' },
  requestingAgencyRequestId: 'AMC-2026-000123',
  multipleItemRequestId: 'M-7',
  timestamp: new Date('2026-11-03T14:00:00Z'),
};
const now = new Date('2026-11-03T14:00:01.250Z');
const KINDS: IsoMessageKind[] = ['request', 'supplyingAgencyMessage', 'requestingAgencyMessage'];

describe.each(['1.2', '2021'] as IsoVersion[])('confirmations, ISO 18626 %s', (version) => {
  it.each(KINDS)('OK confirmation of a %s: valid, and read back', (kind) => {
    const xml = buildConfirmation(kind, echo, 'OK', version, {
      now,
      reasonForMessage: 'StatusChange',
      action: 'Received',
    });
    expect(validateXsd(xml, version).errors).toBe('');
    expect(xml).toContain(`<${CONFIRMATION_OF[kind]}>`);
    if (kind === 'supplyingAgencyMessage')
      expect(xml).toContain('<reasonForMessage>StatusChange</reasonForMessage>');
    if (kind === 'requestingAgencyMessage') expect(xml).toContain('<action>Received</action>');
    expect(xml).toContain('<timestamp>2026-11-03T14:00:01.250Z</timestamp>');
    expect(xml).toContain('<timestampReceived>2026-11-03T14:00:00Z</timestampReceived>');
    expect(xml.includes('<multipleItemRequestId>M-7</multipleItemRequestId>')).toBe(version === '1.2');
    expect(parseConfirmation(xml)).toEqual({
      ok: true,
      kind: CONFIRMATION_OF[kind],
      version,
      status: 'OK',
      header: {
        supplyingAgencyId: echo.supplyingAgencyId,
        requestingAgencyId: echo.requestingAgencyId,
        requestingAgencyRequestId: echo.requestingAgencyRequestId,
        ...(version === '1.2' ? { multipleItemRequestId: 'M-7' } : {}),
        timestamp: now,
        timestampReceived: echo.timestamp,
      },
    });
  });

  it.each(KINDS)('ERROR confirmation of a %s: valid, and read back with its error', (kind) => {
    const error = { errorType: 'UnrecognisedDataValue' as const, errorValue: 'statusInfo/status: Shipped' };
    const xml = buildConfirmation(kind, echo, error, version, { now });
    expect(validateXsd(xml, version).errors).toBe('');
    expect(parseConfirmation(xml)).toMatchObject({ ok: true, status: 'ERROR', ...error });
  });

  it('whatever the echo holds, the confirmation is valid (echoes that would not be are left out)', () => {
    const xml = buildConfirmation(
      'requestingAgencyMessage',
      {
        supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: '' },
        requestingAgencyId: { agencyIdType: '', agencyIdValue: '' },
        requestingAgencyRequestId: '  ',
        timestamp: 'not a date',
      },
      { errorType: 'BadlyFormedMessage', errorValue: `bad <x> & "y" ${'z'.repeat(2000)}\u0001` },
      version,
      { action: 'Lost' },
    );
    expect(validateXsd(xml, version).errors).toBe('');
    expect(xml).not.toContain('supplyingAgencyId');
    expect(xml.includes('<action>Lost</action>')).toBe(version === '2021');
    const parsed = parseConfirmation(xml);
    expect(parsed).toMatchObject({ ok: true, status: 'ERROR', errorType: 'BadlyFormedMessage' });
    if (parsed.ok) expect(parsed.errorValue).toHaveLength(500);
  });
});

describe('reading partners’ confirmations', () => {
  const NS = 'http://illtransactions.org/2013/iso18626';
  it('reads a sparse confirmation with a plain version attribute', () => {
    const xml = `<ISO18626Message xmlns="${NS}" version="1.2"><requestConfirmation><confirmationHeader><timestamp>2026-11-03T14:00:00Z</timestamp><timestampReceived>2026-11-03T14:00:00Z</timestampReceived><messageStatus>OK</messageStatus></confirmationHeader></requestConfirmation></ISO18626Message>`;
    expect(parseConfirmation(xml)).toMatchObject({
      ok: true,
      status: 'OK',
      version: '1.2',
      kind: 'requestConfirmation',
    });
  });

  it('keeps an errorType outside the list in errorValue', () => {
    const xml = `<ISO18626Message xmlns="${NS}" version="2021"><supplyingAgencyMessageConfirmation><confirmationHeader><messageStatus>ERROR</messageStatus></confirmationHeader><errorData><errorType>NoSuchRequest</errorType><errorValue>AMC-1</errorValue></errorData></supplyingAgencyMessageConfirmation></ISO18626Message>`;
    const parsed = parseConfirmation(xml);
    expect(parsed).toMatchObject({ ok: true, status: 'ERROR', errorValue: 'NoSuchRequest: AMC-1' });
    expect(parsed.ok && parsed.errorType).toBeUndefined();
  });

  it.each([
    ['not XML', '<html><body>502 Bad Gateway</body></html>', 'unknown root element'],
    ['empty', '', 'empty'],
    [
      'a message, not a confirmation',
      `<ISO18626Message xmlns="${NS}" version="1.2"><request/></ISO18626Message>`,
      'not a confirmation',
    ],
    [
      'no status',
      `<ISO18626Message xmlns="${NS}" version="1.2"><requestConfirmation><confirmationHeader/></requestConfirmation></ISO18626Message>`,
      'messageStatus',
    ],
    [
      'odd status',
      `<ISO18626Message xmlns="${NS}" version="1.2"><requestConfirmation><confirmationHeader><messageStatus>Fine</messageStatus></confirmationHeader></requestConfirmation></ISO18626Message>`,
      'Fine',
    ],
    ['entity', `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`, 'DOCTYPE'],
  ])('%s: not ok, with a reason', (_name, xml, reason) => {
    const parsed = parseConfirmation(xml);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
