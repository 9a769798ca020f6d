import { describe, expect, it } from 'vitest';
import { buildMessage, parseMessage } from './codec.ts';
import { buildConfirmation } from './confirmation.ts';
import { VALID_RAM_12, VALID_REQUEST_2021, VALID_SAM_12 } from './fixtures/bases.ts';
import { HOSTILE } from './fixtures/hostile.ts';
import { loanRequest, supplyingMessages } from './fixtures/models.ts';
import { validateXsd } from './fixtures/xsd.ts';

describe('malformed and hostile inbound messages', () => {
  it('the valid bases read fine (so each case fails for its own fault)', () => {
    for (const xml of [VALID_SAM_12, VALID_REQUEST_2021, VALID_RAM_12])
      expect(parseMessage(xml).ok).toBe(true);
  });

  it.each(HOSTILE.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const started = performance.now();
    const parsed = parseMessage(c.xml);
    expect(performance.now() - started).toBeLessThan(1000);
    if (parsed.ok) throw new Error('accepted');
    expect(parsed.errorType).toBe(c.errorType);
    expect(parsed.errorValue).toContain(c.errorValue);
    if (c.echoesRequestId) expect(parsed.header?.requestingAgencyRequestId).toBe('AMC-2026-000123');
    // Whatever went wrong, the ERROR confirmation can be written, and it is schema-valid.
    const version = parsed.version ?? '2021';
    const confirmation = buildConfirmation(parsed.kind ?? 'request', parsed.header ?? {}, parsed, version);
    expect(validateXsd(confirmation, version).errors).toBe('');
  });

  it('never reads a file or the network: external entities are refused before anything is resolved', () => {
    for (const c of HOSTILE.filter((h) => h.name.startsWith('DOCTYPE'))) {
      const parsed = parseMessage(c.xml);
      expect(JSON.stringify(parsed)).not.toContain('root:');
      expect(parsed).toMatchObject({ ok: false, errorType: 'BadlyFormedMessage' });
    }
  });

  it('honours a smaller size limit', () => {
    expect(parseMessage(VALID_SAM_12, { maxBytes: 100 })).toMatchObject({
      ok: false,
      errorValue: 'message larger than 100 bytes',
    });
  });
});

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '<',
  '>',
  '&',
  '&amp;',
  '</',
  '/>',
  '"',
  "'",
  '<!DOCTYPE x>',
  '<![CDATA[',
  ']]>',
  '<?pi?>',
  '<!--',
  '\u0000',
  '\ud800',
  'ill:',
  'xmlns="urn:x"',
  '<x>',
  '</header>',
  'Loaned',
  'HoldReturn',
  '2026-13-01',
  '\u00e9',
  '\ufeff',
];

function mutate(xml: string, next: () => number): string {
  let out = xml;
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * out.length);
    const kind = Math.floor(next() * 5);
    if (kind === 0) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 20));
    else if (kind === 1)
      out = out.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + out.slice(at);
    else if (kind === 2)
      out = out.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x10000)) + out.slice(at + 1);
    else if (kind === 3) {
      const from = Math.floor(next() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(next() * 200)) + out.slice(at);
    } else out = out.slice(0, at);
  }
  return out;
}

describe('fuzzing', () => {
  it('parseMessage never throws and always answers quickly on thousands of mutations', () => {
    const bases = [
      VALID_SAM_12,
      VALID_REQUEST_2021,
      VALID_RAM_12,
      buildMessage(loanRequest('1.2'), '1.2'),
      ...supplyingMessages('2021').map(([, m]) => buildMessage(m, '2021')),
    ];
    const next = random(18626);
    let accepted = 0;
    let slowest = 0;
    const verdicts = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const xml = mutate(bases[i % bases.length]!, next);
      const started = performance.now();
      const parsed = parseMessage(i % 7 === 0 ? Buffer.from(xml, 'latin1') : xml);
      slowest = Math.max(slowest, performance.now() - started);
      expect(typeof parsed.ok).toBe('boolean');
      if (parsed.ok) accepted++;
      else {
        verdicts.add(parsed.errorType);
        expect(parsed.errorValue.length).toBeLessThan(400);
      }
    }
    expect(slowest).toBeLessThan(250);
    expect(accepted).toBeGreaterThan(0);
    expect(verdicts.size).toBeGreaterThanOrEqual(3);
  });
});
