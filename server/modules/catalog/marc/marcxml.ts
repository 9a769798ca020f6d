import { Warnings, maxRecordBytes, type ReadOptions } from './options.ts';
import type { DataField, Field, ReadItem, RecordProblem } from './record.ts';
import { pump, type MarcSource } from './source.ts';
import { nfc } from './text.ts';
import { XmlTokenizer, type XmlEvent } from './xml-tokenizer.ts';
import { MARCXML_NAMESPACE } from './writer.ts';

/**
 * Streaming MARCXML: `record` elements in the MARC 21 slim namespace (any prefix) or in no namespace, under a
 * `collection`, bare, or inside another envelope (OAI-PMH). Text is normalised to NFC (some files are NFD).
 * A record with malformed XML is rejected and reading goes on with the next one; a fatal XML error (DOCTYPE,
 * unterminated markup) ends the document with an error item.
 */

const TAG = /^[0-9A-Za-z]{3}$/;
const INDICATOR = /^[0-9a-z ]$/;

type Current = {
  recordNumber: number;
  offset: number;
  leader: string | null;
  fields: Field[];
  warnings: Warnings;
  failure: string | null;
  datafield: DataField | null;
  /** What the collected text belongs to. */
  target: { kind: 'leader' } | { kind: 'control'; tag: string } | { kind: 'subfield'; code: string } | null;
  text: string[];
  /** Depth of foreign or unexpected elements being skipped inside the record. */
  skip: number;
};

export class MarcXmlParser {
  private readonly tokenizer: XmlTokenizer;
  private readonly cap: number;
  private recordNumber = 0;
  private current: Current | null = null;
  private pending: string[] = [];
  private root: string | null = null;
  private empty = true;

  constructor(private readonly options: ReadOptions = {}) {
    this.cap = maxRecordBytes(options);
    this.tokenizer = new XmlTokenizer({ maxTokenBytes: this.cap });
  }

  feed(chunk: Uint8Array): ReadItem[] {
    this.empty &&= chunk.length === 0;
    return this.handle(this.tokenizer.feed(chunk), false);
  }

  end(): ReadItem[] {
    return this.handle(this.tokenizer.end(), true);
  }

  private handle(events: XmlEvent[], atEnd: boolean): ReadItem[] {
    const out: ReadItem[] = [];
    for (const event of events) this.event(event, out);
    if (atEnd) {
      if (this.current) this.fail(out, this.current, 'the document ends inside this record');
      if (this.recordNumber === 0 && !this.empty) {
        const found = this.root ? `root element <${this.root}>` : 'no elements';
        this.problem(out, 0, `no MARCXML record elements found (${found})`);
      } else if (this.pending.length) this.problem(out, 0, this.pending.join('; '));
    }
    return out;
  }

  private problem(out: ReadItem[], offset: number, reason: string): void {
    const problem: RecordProblem = { recordNumber: ++this.recordNumber, byteOffset: offset, reason };
    out.push({ kind: 'error', problem });
  }

  private fail(out: ReadItem[], record: Current, reason: string): void {
    out.push({
      kind: 'error',
      problem: {
        recordNumber: record.recordNumber,
        byteOffset: record.offset,
        reason: record.failure ?? reason,
      },
    });
    this.current = null;
  }

  private isMarc(event: { ns: string }): boolean {
    return event.ns === MARCXML_NAMESPACE || event.ns === '';
  }

  private event(event: XmlEvent, out: ReadItem[]): void {
    const record = this.current;
    if (event.type === 'error') {
      if (event.fatal) {
        if (record) this.fail(out, record, `XML error: ${event.message}`);
        else this.problem(out, event.offset, `XML error, document rejected: ${event.message}`);
      } else if (record && event.message.startsWith('invalid UTF-8')) record.warnings.add(event.message);
      else if (record) record.failure ??= `XML error at byte ${event.offset}: ${event.message}`;
      else if (this.pending.length < 20) {
        this.pending.push(`XML error at byte ${event.offset} (outside any record): ${event.message}`);
      }
      return;
    }
    if (!record) {
      if (event.type === 'start') {
        this.root ??= event.qname;
        if (event.local === 'record' && this.isMarc(event)) this.begin(event.offset);
      }
      return;
    }
    if (event.offset - record.offset > this.cap) {
      record.failure ??= `record element larger than the ${this.cap}-byte limit (maxRecordBytes)`;
    }
    if (event.type === 'text') {
      if (record.target && !record.skip && !record.failure) record.text.push(event.text);
      else if (event.text.trim() && !record.skip)
        record.warnings.add('text outside leader, controlfield or subfield: ignored');
      return;
    }
    if (event.type === 'start') this.onStart(record, event);
    else this.onEnd(record, event, out);
  }

  private begin(offset: number): void {
    const recordNumber = ++this.recordNumber;
    const warnings = new Warnings(recordNumber, offset, this.options.maxWarningsPerRecord);
    for (const reason of this.pending.splice(0)) warnings.add(reason);
    this.current = {
      recordNumber,
      offset,
      leader: null,
      fields: [],
      warnings,
      failure: null,
      datafield: null,
      target: null,
      text: [],
      skip: 0,
    };
  }

  private onStart(record: Current, event: Extract<XmlEvent, { type: 'start' }>): void {
    // A failed record is only read to its end: nothing more is collected (memory stays bounded).
    if (record.skip || record.failure || !this.isMarc(event)) {
      record.skip++;
      return;
    }
    const warn = (reason: string) => record.warnings.add(reason);
    const tag = event.attrs.get('tag');
    const inData = record.datafield !== null;
    if (event.local === 'leader' && !inData) record.target = { kind: 'leader' };
    else if (event.local === 'controlfield' && !inData) {
      if (tag !== undefined && TAG.test(tag)) record.target = { kind: 'control', tag };
      else {
        warn(`controlfield with a missing or invalid tag ${JSON.stringify(tag ?? null)}: dropped`);
        record.skip++;
        return;
      }
    } else if (event.local === 'datafield' && !inData) {
      if (tag === undefined || !TAG.test(tag)) {
        warn(`datafield with a missing or invalid tag ${JSON.stringify(tag ?? null)}: dropped`);
        record.skip++;
        return;
      }
      const indicator = (name: 'ind1' | 'ind2') => {
        const value = event.attrs.get(name);
        if (value !== undefined && INDICATOR.test(value)) return value;
        warn(
          `field ${tag} has ${value === undefined ? 'no' : `an invalid ${JSON.stringify(value)}`} ${name}: set to blank`,
        );
        return ' ';
      };
      record.datafield = { tag, ind1: indicator('ind1'), ind2: indicator('ind2'), subfields: [] };
    } else if (event.local === 'subfield' && inData && !record.target) {
      const code = event.attrs.get('code');
      if (code === undefined || code.length !== 1) {
        warn(`field ${record.datafield!.tag} has a subfield with a missing or invalid code: dropped`);
        record.skip++;
        return;
      }
      record.target = { kind: 'subfield', code };
    } else {
      warn(`unexpected element <${event.qname}>: ignored`);
      record.skip++;
      return;
    }
    record.text.length = 0;
  }

  private onEnd(record: Current, event: Extract<XmlEvent, { type: 'end' }>, out: ReadItem[]): void {
    if (record.skip) {
      record.skip--;
      return;
    }
    const text = () => nfc(record.text.join(''));
    if (event.local === 'record') return this.finish(record, out);
    const target = record.target;
    record.target = null;
    if (event.local === 'datafield' && record.datafield) {
      if (record.datafield.subfields.length === 0)
        record.warnings.add(`field ${record.datafield.tag} has no subfields`);
      record.fields.push(record.datafield);
      record.datafield = null;
    } else if (target?.kind === 'leader') {
      if (record.leader !== null) record.warnings.add('more than one leader: kept the first');
      else record.leader = text();
    } else if (target?.kind === 'control') record.fields.push({ tag: target.tag, value: text() });
    else if (target?.kind === 'subfield')
      record.datafield?.subfields.push({ code: target.code, value: text() });
  }

  private finish(record: Current, out: ReadItem[]): void {
    if (record.failure) return this.fail(out, record, record.failure);
    if (record.fields.length === 0) return this.fail(out, record, 'record has no fields');
    let leader = record.leader;
    if (leader === null) {
      record.warnings.add('record has no leader: used a default one');
      leader = '00000nam a2200000 i 4500';
    } else if (leader.length !== 24 || /[^\x20-\x7e]/.test(leader)) {
      record.warnings.add(`leader is ${leader.length} characters, not 24: padded or cut, non-ASCII replaced`);
      leader = leader
        .replace(/[^\x20-\x7e]/g, ' ')
        .padEnd(24, ' ')
        .slice(0, 24);
    }
    leader = `${leader.slice(0, 9)}a${leader.slice(10)}`; // the text is Unicode
    out.push({
      kind: 'record',
      record: { leader, fields: record.fields },
      recordNumber: record.recordNumber,
      byteOffset: record.offset,
      warnings: record.warnings.done(),
    });
    this.current = null;
  }
}

export function readMarcXml(source: MarcSource, options?: ReadOptions): AsyncGenerator<ReadItem> {
  return pump(source, new MarcXmlParser(options));
}
