// Probability over time against what happened: a line per source, dots for done / missed days.
import { useId } from 'preact/hooks';
import type { InsightPoint } from '../../trainer/api.ts';
import { AT_RISK_BELOW, SUPPRESS_ABOVE } from '../../learn/predict/remind.ts';
import {
  LANE_DONE,
  LANE_MISSED,
  SERIES_FRAME as F,
  outcomeDots,
  seriesPaths,
  seriesSummary,
  yOf,
} from './chartGeometry.ts';

const SOURCE_NAME = { model: 'trained model', prior: 'learning (prior)', baseline: 'simple rule (baseline)' } as const;

/** The model's probability for each past day, with what happened that day. */
export function ProbabilityChart({ series }: { series: InsightPoint[] }) {
  const id = useId();
  const summary = seriesSummary(series);
  const paths = seriesPaths(F, series);
  const dots = outcomeDots(F, series);
  const sources = [...new Set(series.map((s) => s.source))];
  const bottom = F.height - F.bottom;
  return (
    <figure class="chart" data-testid="probability-chart">
      <svg viewBox={`0 0 ${F.width} ${F.height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} class="chart-svg">
        <title id={`${id}-t`}>Predicted chance per day, and what happened</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line class="grid" x1={F.left} x2={F.width - F.right} y1={yOf(F, v)} y2={yOf(F, v)} />
            <text class="axis" x={F.left - 4} y={yOf(F, v) + 4} text-anchor="end">{`${v * 100}%`}</text>
          </g>
        ))}
        <line
          class="threshold risk"
          x1={F.left}
          x2={F.width - F.right}
          y1={yOf(F, AT_RISK_BELOW)}
          y2={yOf(F, AT_RISK_BELOW)}
        />
        <line
          class="threshold quiet"
          x1={F.left}
          x2={F.width - F.right}
          y1={yOf(F, SUPPRESS_ABOVE)}
          y2={yOf(F, SUPPRESS_ABOVE)}
        />
        {paths.map((p, i) => (
          <path key={i} class={`series src-${p.source}`} d={p.d} />
        ))}
        <text class="axis" x={F.left - 4} y={bottom + LANE_DONE + 3} text-anchor="end">
          done
        </text>
        <text class="axis" x={F.left - 4} y={bottom + LANE_MISSED + 3} text-anchor="end">
          missed
        </text>
        {dots.map((d) => (
          <circle key={d.day} class={d.done ? 'dot done' : 'dot missed'} cx={d.x} cy={d.y} r={2.6} />
        ))}
        {series.length > 0 && (
          <>
            <text class="axis" x={F.left} y={F.height - 4}>
              {series[0].day}
            </text>
            <text class="axis" x={F.width - F.right} y={F.height - 4} text-anchor="end">
              {series[series.length - 1].day}
            </text>
          </>
        )}
      </svg>
      <figcaption>
        <p class="chart-summary">{summary}</p>
        <p class="legend" aria-hidden="true">
          {sources.map((s) => (
            <span key={s} class={`key src-${s}`}>
              {SOURCE_NAME[s]}
            </span>
          ))}
          <span class="key risk">below {AT_RISK_BELOW * 100}%: at risk, reminded</span>
          <span class="key quiet">above {SUPPRESS_ABOVE * 100}%: no reminder</span>
        </p>
      </figcaption>
    </figure>
  );
}
