import type { EncodingOption } from './charset.ts';
import type { RecordProblem } from './record.ts';

export type ReadOptions = {
  /**
   * Largest record accepted, in bytes (ISO 2709 record, XML `record` element, JSON record). ISO 2709 caps a
   * record at 99,999 bytes but real files exceed it; default 1 MiB, at most MAX_RECORD_BYTES (16 MiB). Larger
   * records are reported and skipped, which keeps memory bounded whatever the input.
   */
  maxRecordBytes?: number;
  /** ISO 2709 only: 'auto' (default) follows leader/09 and sniffs mislabelled data; otherwise forces one. */
  encoding?: EncodingOption;
  /** Most warnings kept per record (default 20); the rest are summarised in one more warning. */
  maxWarningsPerRecord?: number;
};

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export function maxRecordBytes(options: ReadOptions | undefined): number {
  const value = options?.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  if (!Number.isInteger(value) || value < 64 || value > MAX_RECORD_BYTES) {
    throw new RangeError(`maxRecordBytes must be an integer from 64 to ${MAX_RECORD_BYTES}`);
  }
  return value;
}

/** Collects one record's warnings, capped so that a pathological record cannot flood the report. */
export class Warnings {
  readonly list: RecordProblem[] = [];
  private dropped = 0;
  constructor(
    private readonly recordNumber: number,
    private readonly byteOffset: number,
    private readonly limit = 20,
  ) {}

  add = (reason: string): void => {
    if (this.list.length < this.limit) {
      this.list.push({
        recordNumber: this.recordNumber,
        byteOffset: this.byteOffset,
        reason,
        recovered: true,
      });
    } else this.dropped++;
  };

  /** Forgets the warnings added since `length` (a second pass over the same record). */
  truncate(length: number): void {
    if (this.list.length > length) this.list.length = length;
    this.dropped = 0;
  }

  done(): RecordProblem[] {
    if (this.dropped) {
      this.list.push({
        recordNumber: this.recordNumber,
        byteOffset: this.byteOffset,
        reason: `${this.dropped} more warnings not shown`,
        recovered: true,
      });
      this.dropped = 0;
    }
    return this.list;
  }
}
