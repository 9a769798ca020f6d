/**
 * The two XSDs (v1.2 and 2021-2) as data: for every complex type, its children in xs:sequence order with their
 * leaf type, occurrence, and the model key they map to. The reader and the writer both walk these tables, so the
 * order the writer uses is the order the schema demands, and the reader knows exactly which elements exist.
 */
import { V2021 } from './schema-2021.ts';
import type { SchemaTable } from './schema-parts.ts';
import { V12 } from './schema-v12.ts';
import type { IsoVersion } from './tables.ts';

export { ISO_NS, type Field, type LeafType, type SchemaTable } from './schema-parts.ts';

export const SCHEMAS: Record<IsoVersion, SchemaTable> = { '1.2': V12, '2021': V2021 };

/** The top-level message elements a root may hold. */
export const MESSAGE_ELEMENTS = [
  'request',
  'supplyingAgencyMessage',
  'requestingAgencyMessage',
  'requestConfirmation',
  'supplyingAgencyMessageConfirmation',
  'requestingAgencyMessageConfirmation',
] as const;
