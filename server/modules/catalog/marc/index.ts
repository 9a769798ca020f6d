/** MARC 21 readers and writers: ISO 2709 (MARC-8 / UTF-8), MARCXML and MARC-in-JSON. */
export * from './record.ts';
export { parseIso2709Record, type ParseContext } from './iso2709.ts';
export { readIso2709, Iso2709Framer, isPlausibleLeader } from './iso2709-stream.ts';
export { readMarcXml, MarcXmlParser } from './marcxml.ts';
export { readMarcJson, MarcJsonParser, marcJsonToRecord } from './marc-json.ts';
export { detectFormat, readMarc, readerFor, type MarcFormat } from './detect.ts';
export { toIso2709, toMarcXml, toMarcXmlCollection, assembleIso2709, MARCXML_NAMESPACE } from './writer.ts';
export { Marc8Decoder } from './marc8.ts';
export { XmlTokenizer, type XmlEvent } from './xml-tokenizer.ts';
export { DEFAULT_MAX_RECORD_BYTES, MAX_RECORD_BYTES, type ReadOptions } from './options.ts';
export type { EncodingOption } from './charset.ts';
export type { MarcSource } from './source.ts';
