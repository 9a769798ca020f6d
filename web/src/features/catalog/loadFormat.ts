import type { Load } from '../../api/catalog.ts';
import type { Formatters } from '../../i18n/format.ts';

/** Bytes as the reader expects them: 512 B, 3.4 KB, 12 MB, 1.2 GB (powers of 1024). */
export function fileSize(bytes: number, fmt: Formatters): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${fmt.number(rounded)} ${units[unit]}`;
}

/** How long a load ran (or has been running, against `now`), in whole seconds; null before it started. */
export function loadSeconds(load: Pick<Load, 'startedAt' | 'finishedAt'>, now = Date.now()): number | null {
  if (!load.startedAt) return null;
  const end = load.finishedAt ? Date.parse(load.finishedAt) : now;
  return Math.max(0, Math.round((end - Date.parse(load.startedAt)) / 1000));
}

/** 75 → "1 min 15 s"; 3725 → "1 h 2 min"; under a minute "42 s". Unit symbols read the same in EN and ES. */
export function durationText(seconds: number, fmt: Formatters): string {
  if (seconds < 60) return `${fmt.number(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${fmt.number(minutes)} min ${fmt.number(seconds % 60)} s`;
  return `${fmt.number(Math.floor(minutes / 60))} h ${fmt.number(minutes % 60)} min`;
}

export const isFinished = (load: Pick<Load, 'status'>) =>
  load.status === 'completed' || load.status === 'failed';

export const statusTone = (status: Load['status']) =>
  status === 'completed'
    ? 'positive'
    : status === 'failed'
      ? 'negative'
      : status === 'running'
        ? 'caution'
        : 'neutral';

/**
 * What a screen reader hears while a load runs: not every second's numbers, only a change of status and each
 * quarter of the file. Returns the milestone reached (0–4 quarters), so the caller can announce changes.
 */
export const quarterOf = (fraction: number) => Math.max(0, Math.min(4, Math.floor(fraction * 4 + 1e-9)));
