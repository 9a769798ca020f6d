import { describe, expect, it } from 'vitest';
import { buildMessage, parseMessage } from './codec.ts';
import { VALID_REQUEST_2021 } from './fixtures/bases.ts';
import { loanRequest } from './fixtures/models.ts';
import { validateXsd } from './fixtures/xsd.ts';
import { prettyPrint, redactPatron, withoutPatron } from './redact.ts';

describe('redactPatron', () => {
  it.each(['1.2', '2021'] as const)(
    'removes the patron from a built %s request; the rest is untouched and valid',
    (v) => {
      const xml = buildMessage(loanRequest(v), v);
      expect(xml).toContain('Rivera');
      const redacted = redactPatron(xml);
      for (const secret of ['Rivera', 'Ana', 'P-998877', 'Faculty']) expect(redacted).not.toContain(secret);
      expect(redacted).toContain('<patronInfo></patronInfo>');
      expect(redacted.replace('<patronInfo></patronInfo>', '')).toBe(
        xml.replace(/<patronInfo>.*<\/patronInfo>/, ''),
      );
      expect(validateXsd(redacted, v).errors).toBe('');
      const parsed = parseMessage(redacted);
      expect(parsed).toMatchObject({ ok: true, message: { patronInfo: {} } });
    },
  );

  it('handles prefixes, attributes, nesting, broken and unclosed input', () => {
    expect(redactPatron(VALID_REQUEST_2021)).not.toContain('Rivera');
    expect(redactPatron('<a><x:patronInfo a=">"><n>Ana</n></x:patronInfo ></a>')).toBe(
      '<a><x:patronInfo a=">"></x:patronInfo ></a>',
    );
    expect(redactPatron('<patronInfo><patronInfo>A</patronInfo>B</patronInfo>C')).toBe(
      '<patronInfo></patronInfo>C',
    );
    expect(redactPatron('<r><patronInfo><surname>Rivera</surname>')).toBe('<r><patronInfo>');
    expect(redactPatron('<r><patronInfo/><patronInfoX>k</patronInfoX></r>')).toBe(
      '<r><patronInfo/><patronInfoX>k</patronInfoX></r>',
    );
    expect(redactPatron('no xml at all')).toBe('no xml at all');
  });

  it('stays linear on hostile input', () => {
    const hostile = '<patronInfo a="x<'.repeat(60_000) + '</patronInfo>'.repeat(1000);
    const started = performance.now();
    redactPatron(hostile);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('withoutPatron drops patronInfo from a model', () => {
    const request = loanRequest('2021');
    expect(withoutPatron(request).patronInfo).toBeUndefined();
    expect(request.patronInfo).toBeDefined();
  });
});

describe('prettyPrint', () => {
  it('indents, keeps text and attributes, escapes', () => {
    const xml = '<?xml version="1.0"?><r xmlns="urn:x" a="1 &amp; 2"><b>x &lt; y</b><c/><d><e>1</e></d></r>';
    expect(prettyPrint(xml)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<r xmlns="urn:x" a="1 &amp; 2">',
        '  <b>x &lt; y</b>',
        '  <c/>',
        '  <d>',
        '    <e>1</e>',
        '  </d>',
        '</r>',
        '',
      ].join('\n'),
    );
  });

  it('reads back to the same message', () => {
    const xml = buildMessage(loanRequest('2021'), '2021');
    const pretty = prettyPrint(xml);
    expect(pretty.split('\n').length).toBeGreaterThan(40);
    expect(parseMessage(pretty)).toEqual(parseMessage(xml));
  });

  it('returns input it cannot read unchanged, and never resolves entities', () => {
    for (const bad of [
      'not xml',
      '<a><b></a>',
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      '',
    ])
      expect(prettyPrint(bad)).toBe(bad);
  });
});
