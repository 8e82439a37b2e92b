// Calibration: in days given about X%, was it done about X% of the time? Dots on the diagonal are right.
import { useId } from 'preact/hooks';
import type { CalibrationBin } from '../../trainer/api.ts';
import { CALIBRATION_FRAME as F, calibrationDots, calibrationSummary, xOf, yOf } from './chartGeometry.ts';

const pc = (v: number) => `${Math.round(v * 100)}%`;

/** Predicted against actual per probability bin, with the number of days in each. */
export function CalibrationChart({ bins }: { bins: CalibrationBin[] }) {
  const id = useId();
  const summary = calibrationSummary(bins);
  const dots = calibrationDots(F, bins);
  return (
    <figure class="chart chart-square" data-testid="calibration-chart">
      <svg viewBox={`0 0 ${F.width} ${F.height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} class="chart-svg">
        <title id={`${id}-t`}>Calibration: predicted chance against how often it was done</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line class="grid" x1={F.left} x2={F.width - F.right} y1={yOf(F, v)} y2={yOf(F, v)} />
            <line class="grid" x1={xOf(F, v)} x2={xOf(F, v)} y1={F.top} y2={F.height - F.bottom} />
            <text class="axis" x={F.left - 4} y={yOf(F, v) + 4} text-anchor="end">
              {pc(v)}
            </text>
            <text class="axis" x={xOf(F, v)} y={F.height - F.bottom + 14} text-anchor="middle">
              {pc(v)}
            </text>
          </g>
        ))}
        <line class="diagonal" x1={xOf(F, 0)} y1={yOf(F, 0)} x2={xOf(F, 1)} y2={yOf(F, 1)} />
        <text class="axis" x={(F.left + F.width - F.right) / 2} y={F.height - 4} text-anchor="middle">
          predicted
        </text>
        <text
          class="axis"
          x={12}
          y={(F.top + F.height - F.bottom) / 2}
          text-anchor="middle"
          transform={`rotate(-90 12 ${(F.top + F.height - F.bottom) / 2})`}
        >
          done
        </text>
        {dots.map((d) => (
          <g key={d.bin.lo}>
            <circle class="cal-dot" cx={d.cx} cy={d.cy} r={d.r} />
            <text class="cal-n" x={d.cx} y={d.cy + 3.5} text-anchor="middle">
              {d.bin.n}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <p class="chart-summary">{summary}</p>
        <details>
          <summary>Show as a table</summary>
          <table class="cal-table">
            <thead>
              <tr>
                <th scope="col">Predicted range</th>
                <th scope="col">Average predicted</th>
                <th scope="col">Done</th>
                <th scope="col">Days</th>
              </tr>
            </thead>
            <tbody>
              {bins
                .filter((b) => b.n > 0)
                .map((b) => (
                  <tr key={b.lo}>
                    <td>
                      {pc(b.lo)}–{pc(b.hi)}
                    </td>
                    <td>{pc(b.predicted)}</td>
                    <td>{pc(b.actual)}</td>
                    <td>{b.n}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
