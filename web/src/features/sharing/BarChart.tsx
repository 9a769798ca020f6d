import { useId } from 'react';
import { CHART, groupedBars } from './chart.ts';

type Props = {
  /** Read out in place of the drawing; the data table beside the chart holds the figures. */
  description: string;
  groups: Array<{ label: string; values: Array<{ series: string; value: number }> }>;
  groupLabel: (label: string) => string;
  seriesLabel: (series: string) => string;
  /** Fixed top of the axis (e.g. 100 for percentages). */
  top?: number;
  unit?: string;
};

const SERIES_CLASS = ['ill-bar--a', 'ill-bar--b', 'ill-bar--c'];

/** Grouped bars as SVG: one image with a text alternative; colours repeat what the legend and table say. */
export function BarChart({ description, groups, groupLabel, seriesLabel, top, unit = '' }: Props) {
  const id = useId();
  const { bars, max } = groupedBars(groups, top);
  const series = [...new Set(groups.flatMap((g) => g.values.map((v) => v.series)))];
  const baseline = CHART.height - CHART.bottom;
  const plotWidth = CHART.width - CHART.left;
  const groupWidth = groups.length ? plotWidth / groups.length : plotWidth;
  const showEvery = Math.max(1, Math.ceil(groups.length / 12));
  return (
    <figure className="ill-chart">
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby={`${id}-desc`}
        className="ill-chart__svg"
      >
        <title id={`${id}-desc`}>{description}</title>
        <line x1={CHART.left} y1={baseline} x2={CHART.width} y2={baseline} className="ill-chart__axis" />
        <text x={CHART.left - 4} y={CHART.top + 8} textAnchor="end" className="ill-chart__tick">
          {max}
          {unit}
        </text>
        <text x={CHART.left - 4} y={baseline} textAnchor="end" className="ill-chart__tick">
          0
        </text>
        {bars.map((b, i) => (
          <rect
            key={i}
            x={b.x}
            y={b.y}
            width={Math.max(0, b.width - 1)}
            height={b.height}
            className={`ill-bar ${SERIES_CLASS[series.indexOf(b.series) % SERIES_CLASS.length]}`}
          />
        ))}
        {groups.map((g, i) =>
          i % showEvery === 0 ? (
            <text
              key={g.label}
              x={CHART.left + i * groupWidth + groupWidth / 2}
              y={CHART.height - 10}
              textAnchor="middle"
              className="ill-chart__tick"
            >
              {groupLabel(g.label)}
            </text>
          ) : null,
        )}
      </svg>
      {series.length > 1 ? (
        <figcaption aria-hidden="true" className="ill-chart__legend">
          {series.map((s, i) => (
            <span key={s} className="ill-chart__key">
              <span className={`ill-chart__swatch ${SERIES_CLASS[i % SERIES_CLASS.length]}`} />
              {seriesLabel(s)}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
