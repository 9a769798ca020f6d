import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { random } from './test-support.ts';
import { XmlTokenizer, type XmlEvent } from './xml-tokenizer.ts';

/** Tokenizes in the given chunk sizes and renders the events compactly. */
function tokens(xml: string | Uint8Array, chunk = 1 << 20, options = {}): string[] {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const tokenizer = new XmlTokenizer(options);
  const events: XmlEvent[] = [];
  for (let at = 0; at < bytes.length; at += chunk)
    events.push(...tokenizer.feed(bytes.subarray(at, at + chunk)));
  events.push(...tokenizer.end());
  const out: string[] = [];
  for (const e of events) {
    if (e.type === 'start') {
      const attrs = [...e.attrs].map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('');
      out.push(`<${e.local}${e.ns ? `{${e.ns}}` : ''}${attrs}>`);
    } else if (e.type === 'end') out.push(`</${e.local}>`);
    else if (e.type === 'text') {
      // Adjacent text events are one text node.
      if (out.at(-1)?.startsWith('"')) out[out.length - 1] = JSON.stringify(JSON.parse(out.at(-1)!) + e.text);
      else out.push(JSON.stringify(e.text));
    } else out.push(`${e.fatal ? 'FATAL' : 'ERROR'} ${e.message}`);
  }
  return out;
}

describe('XmlTokenizer', () => {
  it('reads elements, attributes, text, entities, CDATA; skips comments and PIs', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a x="1 &amp; 2" y=\'&lt;q&gt;\'>t&#233;&#xE9;<?pi x?>' +
      '<![CDATA[<raw&>]]><b/>&quot;&apos;</a>';
    expect(tokens(xml)).toEqual(['<a x="1 & 2" y="<q>">', '"téé<raw&>"', '<b>', '</b>', '"\\"\'"', '</a>']);
  });

  it('resolves namespaces, default and prefixed, with scoping', () => {
    const xml = '<m:c xmlns:m="urn:m"><m:r><x xmlns="urn:d"><y/></x><z/></m:r></m:c>';
    expect(tokens(xml).filter((t) => /^<[^/]/.test(t))).toEqual([
      '<c{urn:m} xmlns:m="urn:m">',
      '<r{urn:m}>',
      '<x{urn:d} xmlns="urn:d">',
      '<y{urn:d}>',
      '<z>',
    ]);
  });

  it('a ">" inside a quoted attribute does not end the tag', () => {
    expect(tokens('<a t="x>y"/>')).toEqual(['<a t="x>y">', '</a>']);
  });

  it('rejects a DOCTYPE outright: nothing after it is read', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "boom">]><r>&e;</r>';
    expect(tokens(xml)).toEqual([
      'FATAL <!DOCTYPE declarations are not allowed (no DTD processing): document rejected',
    ]);
  });

  it('never expands an entity-expansion bomb', () => {
    const lol = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    const events = tokens(`<!DOCTYPE lolz [${lol}]><lolz>&lol9;</lolz>`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/^FATAL <!DOCTYPE declarations are not allowed/);
  });

  it('rejects an ENTITY declaration anywhere, and external entities never load', () => {
    expect(tokens('<r><!ENTITY x SYSTEM "file:///etc/passwd"></r>')[1]).toMatch(
      /^FATAL <!ENTITY declarations/,
    );
  });

  it('reports undefined entities and bad references without expanding them', () => {
    expect(tokens('<r>&xxe; &#0; AT&T</r>')).toEqual([
      '<r>',
      'ERROR undefined entity &xxe; (only the predefined entities are read, nothing is expanded)',
      'ERROR character reference &#0; is not an XML character',
      "ERROR bare '&' in text (write &amp;)",
      '"&xxe; \ufffd AT&T"',
      '</r>',
    ]);
  });

  it('reports mismatched end tags and recovers', () => {
    expect(tokens('<a><b></a><c/>')).toEqual([
      '<a>',
      '<b>',
      'ERROR end tag </a> closes unclosed <b>',
      '</b>',
      '</a>',
      '<c>',
      '</c>',
    ]);
    expect(tokens('<a></x></a>')).toEqual(['<a>', 'ERROR end tag </x> without a start tag: ignored', '</a>']);
  });

  it('reports truncated documents', () => {
    expect(tokens('<a><b>text')).toEqual(['<a>', '<b>', '"text"', 'FATAL document ends inside <b>']);
    expect(tokens('<a><b x="1')).toEqual(['<a>', 'FATAL document ends inside a tag']);
    expect(tokens('<a><!-- never closed')).toEqual(['<a>', 'FATAL unterminated comment']);
  });

  it('caps the size of a token: a huge text node is skipped, a huge tag ends the document', () => {
    const text = tokens(`<a>${'x'.repeat(5000)}</a><b/>`, 1000, { maxTokenBytes: 4096 });
    expect(text).toEqual([
      '<a>',
      'ERROR a text node is larger than 4096 bytes: skipped',
      '</a>',
      '<b>',
      '</b>',
    ]);
    const tag = tokens(`<a><b c="${'x'.repeat(5000)}"/></a>`, 1000, { maxTokenBytes: 4096 });
    expect(tag).toEqual(['<a>', 'FATAL a single token is larger than 4096 bytes: document rejected']);
  });

  it('caps nesting depth', () => {
    expect(tokens('<a>'.repeat(300), 1 << 20, { maxDepth: 256 }).at(-1)).toBe(
      'FATAL elements nested deeper than 256',
    );
  });

  it('reports invalid UTF-8 and replaces it', () => {
    const bytes = Buffer.concat([Buffer.from('<a>x'), Buffer.from([0xff]), Buffer.from('y</a>')]);
    expect(tokens(bytes)).toEqual([
      '<a>',
      'ERROR invalid UTF-8: bad sequences replaced with U+FFFD',
      '"x\ufffdy"',
      '</a>',
    ]);
  });

  it('reads a Latin-1 document and rejects UTF-16', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>', 'latin1');
    expect(tokens(latin1)).toEqual(['<a>', '"café"', '</a>']);
    expect(tokens(Buffer.from([0xff, 0xfe, 0x3c, 0x00]))).toEqual([
      'FATAL UTF-16 documents are not supported: convert to UTF-8',
    ]);
  });

  it('gives the same events whatever the chunk boundaries', () => {
    const xml =
      '\ufeff<?xml version="1.0"?><!-- x --><c xmlns="urn:x"><r a="1&amp;2">Königin ' +
      '<![CDATA[ ]]> 李白 &#x1F600;</r><r/><!-- y --></c>';
    const whole = tokens(xml);
    expect(tokens(xml, 1)).toEqual(whole);
    const next = random(9);
    for (let i = 0; i < 20; i++) expect(tokens(xml, 1 + Math.floor(next() * 17))).toEqual(whole);
  });
});
