import type { AnalyticsRow } from '../../api/sharing.ts';

/** One bar of a chart: its position and size in the SVG's own units, with its value for the label. */
export type Bar = {
  label: string;
  series: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
};

export const CHART = { width: 640, height: 220, top: 10, bottom: 30, left: 40, gap: 8 } as const;

/** A round upper bound for the axis (1, 2, 5 × 10ⁿ), at least the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max) ?? 10;
  return step * power;
}

/**
 * Grouped bars: one group per category, one bar per series inside it, heights scaled to `top` (or the
 * largest value, rounded up). Values are never negative here.
 */
export function groupedBars(
  groups: Array<{ label: string; values: Array<{ series: string; value: number }> }>,
  top?: number,
): { bars: Bar[]; max: number } {
  const all = groups.flatMap((g) => g.values.map((v) => v.value));
  const max = top ?? niceMax(Math.max(0, ...all));
  const plotWidth = CHART.width - CHART.left;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const groupWidth = groups.length ? plotWidth / groups.length : plotWidth;
  const bars: Bar[] = [];
  groups.forEach((g, i) => {
    const n = Math.max(1, g.values.length);
    const inner = Math.max(1, groupWidth - CHART.gap);
    const width = inner / n;
    g.values.forEach((v, j) => {
      const height = max > 0 ? (Math.max(0, v.value) / max) * plotHeight : 0;
      bars.push({
        label: g.label,
        series: v.series,
        value: v.value,
        x: CHART.left + i * groupWidth + CHART.gap / 2 + j * width,
        y: CHART.top + plotHeight - height,
        width,
        height,
      });
    });
  });
  return { bars, max };
}

/** Fill rate per period as a percentage (periods where nothing ended are 0 and marked so in the table). */
export const fillRateGroups = (rows: AnalyticsRow[]) =>
  rows.map((r) => ({
    label: r.period,
    values: [{ series: 'fillRate', value: Math.round((r.fillRate ?? 0) * 100) }],
  }));

export const netGroups = (rows: AnalyticsRow[]) =>
  rows.map((r) => ({
    label: r.period,
    values: [
      { series: 'supplied', value: r.supplied },
      { series: 'received', value: r.received },
    ],
  }));

export const TURNAROUNDS = ['timeToShip', 'timeToReceipt', 'totalTurnaround'] as const;
export const turnaroundGroups = (total: AnalyticsRow) =>
  TURNAROUNDS.map((m) => ({
    label: m,
    values: [
      { series: 'under48', value: total[m].under48 },
      { series: 'from48to72', value: total[m].from48to72 },
      { series: 'over72', value: total[m].over72 },
    ],
  }));

/** A default range: the twelve months up to today. */
export function lastYear(today = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth() + 1, 1));
  return { from: start.toISOString().slice(0, 10), to };
}
