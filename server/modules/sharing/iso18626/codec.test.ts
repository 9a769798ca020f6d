import { describe, expect, it } from 'vitest';
import { buildMessage, IsoBuildError, parseMessage } from './codec.ts';
import type { IsoMessage, IsoVersion } from './messages.ts';
import {
  copyRequest,
  loanRequest,
  ram,
  requestingMessages,
  retryRequest,
  sam,
  supplyingMessages,
} from './fixtures/models.ts';
import { VALID_RAM_12, VALID_REQUEST_2021, VALID_SAM_12 } from './fixtures/bases.ts';
import { validateXsd } from './fixtures/xsd.ts';

const VERSIONS: IsoVersion[] = ['1.2', '2021'];

function roundTrip(message: IsoMessage, version: IsoVersion) {
  const xml = buildMessage(message, version);
  const validation = validateXsd(xml, version);
  expect(validation.errors).toBe('');
  expect(validation.valid).toBe(true);
  const parsed = parseMessage(xml);
  if (!parsed.ok) throw new Error(`${parsed.errorType}: ${parsed.errorValue}`);
  expect(parsed.version).toBe(version);
  expect(parsed.kind).toBe(message.kind);
  expect(parsed.message).toEqual(message);
  return { xml, parsed };
}

describe.each(VERSIONS)('ISO 18626 %s: every message of the canonical flows', (version) => {
  it.each([
    ['loan request with ISBN and OCLC number', loanRequest(version)],
    ['article copy request', copyRequest(version)],
    ['retry request with the previous id', retryRequest(version)],
  ])('%s: valid against the XSD and read back unchanged', (_name, message) => {
    roundTrip(message, version);
  });

  it.each(supplyingMessages(version))('supplyingAgencyMessage %s: valid and read back unchanged', (_n, m) => {
    roundTrip(m, version);
  });

  it.each(requestingMessages(version))(
    'requestingAgencyMessage %s: valid and read back unchanged',
    (_n, m) => {
      roundTrip(m, version);
    },
  );

  it('writes the namespace-qualified version attribute, or the plain one on request', () => {
    const message = ram(version, 'Received');
    const attr = version === '1.2' ? '1.2' : '2021-2';
    expect(buildMessage(message, version)).toContain(`ill:version="${attr}"`);
    const plain = buildMessage(message, version, { plainVersionAttribute: true });
    expect(plain).toContain(` version="${attr}"`);
    expect(plain).not.toContain('ill:version');
    expect(parseMessage(plain)).toMatchObject({ ok: true, version });
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const message = ram(version, 'Notification', 'a < b && c > "d" \u0000\u0007 \ud800 ok\r\n');
    const { xml, parsed } = (() => {
      const xml = buildMessage(message, version);
      return { xml, parsed: parseMessage(xml) };
    })();
    expect(validateXsd(xml, version).valid).toBe(true);
    expect(parsed).toMatchObject({ ok: true, message: { note: 'a < b && c > "d"   ok' } });
  });

  it('records unknown open-list codes and accepts the message', () => {
    const message = sam(version, 'RequestResponse', 'Unfilled', {
      messageInfo: { reasonUnfilled: 'OnVacation' },
    });
    const parsed = parseMessage(buildMessage(message, version));
    expect(parsed).toMatchObject({
      ok: true,
      unknownCodes: [{ path: 'supplyingAgencyMessage/messageInfo/reasonUnfilled', value: 'OnVacation' }],
    });
  });

  it('refuses to build a message without its mandatory parts', () => {
    const message = sam(version, 'StatusChange', 'Loaned');
    const broken = { ...message, header: { ...message.header, requestingAgencyRequestId: '' } };
    expect(() => buildMessage(broken, version)).toThrow(IsoBuildError);
    expect(() =>
      buildMessage({ ...message, statusInfo: { ...message.statusInfo, lastChange: 'soon' } }, version),
    ).toThrow(/lastChange/);
  });
});

describe('differences between the versions', () => {
  it('v1.2: multipleItemRequestId is written (empty) in every header; 2021 leaves it out', () => {
    const message = ram('2021', 'Received');
    expect(buildMessage(message, '1.2')).toContain('<multipleItemRequestId/>');
    expect(buildMessage(message, '2021')).not.toContain('multipleItemRequestId');
  });

  it('retry terms: in messageInfo for v1.2, in retryInfo for 2021, the same in the model', () => {
    const message = sam('2021', 'RequestResponse', 'RetryPossible', {
      messageInfo: { reasonRetry: 'OnLoan', retryAfter: new Date('2026-12-01T00:00:00Z') },
    });
    const v12 = buildMessage(message, '1.2');
    const v2021 = buildMessage(message, '2021');
    expect(v12).toMatch(/<messageInfo>.*<retryAfter>2026-12-01T00:00:00Z<\/retryAfter><\/messageInfo>/);
    expect(v2021).toMatch(/<retryInfo><retryAfter>2026-12-01T00:00:00Z<\/retryAfter><\/retryInfo>/);
    expect(parseMessage(v12)).toMatchObject({ ok: true, message: { messageInfo: message.messageInfo } });
    expect(parseMessage(v2021)).toMatchObject({ ok: true, message: { messageInfo: message.messageInfo } });
  });

  it('delivery method is sentVia in v1.2; URL, shipping and consortialId exist only in 2021', () => {
    const copy = supplyingMessages('2021').find(([n]) => n === 'StatusChange CopyCompleted')![1];
    const v12 = buildMessage(copy, '1.2');
    expect(v12).toContain('<sentVia>URL</sentVia>');
    expect(v12).toContain('<deliveredFormat>PDF</deliveredFormat>');
    expect(v12).not.toContain('<URL>');
    expect(validateXsd(v12, '1.2').valid).toBe(true);
    const v2021 = buildMessage(copy, '2021');
    expect(v2021).toContain(
      '<URL>https://files.example.org/ae/abc123?token=x&amp;y=1</URL><deliveryMethod>URL</deliveryMethod>',
    );
    const loan = loanRequest('2021');
    expect(buildMessage(loan, '1.2')).not.toContain('consortialId');
    expect(validateXsd(buildMessage(loan, '1.2'), '1.2').valid).toBe(true);
  });

  it('2021-only values are refused when building v1.2 (callers map first)', () => {
    expect(() => buildMessage(ram('2021', 'Lost'), '1.2')).toThrow(/Lost is not a value of ISO 18626 1.2/);
    expect(() => buildMessage(sam('2021', 'StatusChange', 'HoldReturn'), '1.2')).toThrow(IsoBuildError);
  });

  it('a 2021 request needs serviceInfo', () => {
    const { serviceInfo: _s, ...request } = loanRequest('2021');
    expect(() => buildMessage(request, '2021')).toThrow(/missing request\/serviceInfo/);
    expect(validateXsd(buildMessage(request, '1.2'), '1.2').valid).toBe(true);
  });
});

describe('reading what partners send', () => {
  it('reads a hand-written v1.2 message with a plain version attribute and zone offsets', () => {
    const parsed = parseMessage(VALID_SAM_12);
    expect(parsed).toEqual({
      ok: true,
      version: '1.2',
      kind: 'supplyingAgencyMessage',
      unknownCodes: [],
      message: {
        kind: 'supplyingAgencyMessage',
        header: {
          supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NRL' },
          requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-AMC01' },
          timestamp: new Date('2026-11-03T14:00:00Z'),
          requestingAgencyRequestId: 'AMC-2026-000123',
          supplyingAgencyRequestId: 'NRL-5561',
        },
        messageInfo: { reasonForMessage: 'StatusChange', note: 'Shipped today' },
        statusInfo: {
          status: 'Loaned',
          dueDate: new Date('2026-12-20T23:59:59Z'),
          lastChange: new Date('2026-11-03T13:59:00Z'),
        },
        deliveryInfo: {
          dateSent: new Date('2026-11-03T18:00:00Z'),
          itemId: '39999000123456',
          deliveryMethod: 'Mail',
          loanCondition: ['LibraryUseOnly'],
        },
      },
    });
    expect(parseMessage(Buffer.from(VALID_SAM_12))).toEqual(parsed);
  });

  it('reads a prefixed 2021 request and records its unknown service level', () => {
    const parsed = parseMessage(VALID_REQUEST_2021);
    expect(parsed).toMatchObject({
      ok: true,
      version: '2021',
      kind: 'request',
      unknownCodes: [{ path: 'request/serviceInfo/serviceLevel', value: 'SameDay' }],
      message: {
        header: { timestamp: new Date('2026-11-02T08:15:00.123Z'), requestingAgencyRequestId: 'EXT-77' },
        patronInfo: { patronId: 'P-1', surname: 'Rivera' },
      },
    });
  });

  it.each([
    ['1.2', '1.2'],
    ['2021', '2021'],
    ['2021-1', '2021'],
    ['2021-2', '2021'],
    ['1.3', '2021'],
  ])('version attribute %s reads as %s', (attr, version) => {
    const xml = VALID_RAM_12.replace('ill:version="1.2"', `ill:version="${attr}"`);
    const body = version === '2021' ? xml.replace('<multipleItemRequestId/>', '') : xml;
    expect(parseMessage(body)).toMatchObject({ ok: true, version });
  });

  it('accepts elements in any order (senders get xs:sequence wrong)', () => {
    const swapped = VALID_SAM_12.replace(
      /(<statusInfo>.*<\/statusInfo>)\s*(<deliveryInfo>.*<\/deliveryInfo>)/,
      '$2$1',
    );
    expect(swapped).not.toBe(VALID_SAM_12);
    expect(parseMessage(swapped)).toMatchObject({ ok: true });
  });

  it('ignores attributes: xsi:schemaLocation on the root, scheme on codes', () => {
    const xml = VALID_SAM_12.replace(
      'version="1.2"',
      'version="1.2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:a urn:b"',
    ).replace('<agencyIdType>ISIL', '<agencyIdType scheme="http://example.org/isil">ISIL');
    expect(parseMessage(xml)).toMatchObject({
      ok: true,
      message: { header: { supplyingAgencyId: { agencyIdType: 'ISIL' } } },
    });
  });

  it('2021 repeats read into one model value: item ids joined, the first of several costs', () => {
    const m = supplyingMessages('2021').find(([n]) => n === 'StatusChange Loaned')![1];
    const xml = buildMessage(m, '2021')
      .replace('<itemId>39999000123456</itemId>', '<itemId>A-1</itemId><itemId>A-2</itemId>')
      .replace(/(<deliveryCosts>.*<\/deliveryCosts>)/, '$1$1');
    expect(validateXsd(xml, '2021').errors).toBe('');
    expect(parseMessage(xml)).toMatchObject({
      ok: true,
      message: { deliveryInfo: { itemId: 'A-1, A-2', deliveryCosts: { monetaryValue: 12.75 } } },
    });
  });

  it('tolerates a bare date where a dateTime belongs (midnight UTC)', () => {
    const xml = VALID_SAM_12.replace('2026-12-20T23:59:59Z', '2026-12-20');
    expect(parseMessage(xml)).toMatchObject({
      ok: true,
      message: { statusInfo: { dueDate: new Date('2026-12-20T00:00:00Z') } },
    });
  });
});
