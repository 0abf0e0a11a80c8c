import { html } from 'hono/html';
import { formatDay, formatVnTime } from '../../clock.ts';
import type { DayFigures } from '../../features/board.ts';
import { t } from '../../texts/index.ts';

const H = 240;
const TOP = 36;
const BOTTOM = 52;
const LEFT = 8;

const percent = (n: number, total: number): string => `${Math.round((100 * n) / Math.max(total, 1))}%`;

/**
 * Reports per day as bars (enterprises that reported, of `total`), the darker part those in by the deadline, with
 * the share under each day. Server-rendered SVG: no script, no front-end build, readable without colour.
 */
export function reportsChart(figures: DayFigures[], total: number) {
  if (figures.length === 0 || total === 0) return html`<p class="muted">${t.boardChartEmpty}</p>`;
  // About 90 units a day: on a phone the labels stay readable.
  const W = Math.min(900, Math.max(320, figures.length * 90 + LEFT * 2));
  const slot = (W - LEFT * 2) / figures.length;
  const barW = Math.min(56, slot * 0.6);
  const plotH = H - TOP - BOTTOM;
  const y = (n: number) => TOP + plotH - (plotH * n) / total;
  const bars = figures.map((f, i) => {
    const x = LEFT + slot * i + (slot - barW) / 2;
    const cx = LEFT + slot * i + slot / 2;
    const share =
      f.onTime === null
        ? ''
        : f.pending
          ? t.boardChartNotDue
          : t.boardChartOnTimeShare(percent(f.onTime, total));
    const label = `${t.boardChartDay(formatDay(f.day), f.reported, total)}${
      f.onTime !== null && !f.pending
        ? `, ${t.boardChartOnTime(f.onTime, f.deadline ? formatVnTime(f.deadline) : null)}`
        : ''
    }`;
    return html`<g class="chart-day">
      <title>${label}</title>
      <rect class="chart-total" x="${x.toFixed(1)}" y="${TOP}" width="${barW.toFixed(1)}" height="${plotH}"></rect>
      <rect class="chart-reported" x="${x.toFixed(1)}" y="${y(f.reported).toFixed(1)}" width="${barW.toFixed(1)}" height="${(TOP + plotH - y(f.reported)).toFixed(1)}"></rect>
      ${
        f.onTime !== null
          ? html`<rect class="chart-ontime" x="${x.toFixed(1)}" y="${y(f.onTime).toFixed(1)}" width="${barW.toFixed(1)}" height="${(TOP + plotH - y(f.onTime)).toFixed(1)}"></rect>`
          : ''
      }
      <text class="chart-count" x="${cx.toFixed(1)}" y="${(y(f.reported) - 6).toFixed(1)}" text-anchor="middle">${f.reported}/${total}</text>
      <text class="chart-day-label" x="${cx.toFixed(1)}" y="${H - BOTTOM + 18}" text-anchor="middle">${formatDay(f.day).slice(0, 5)}</text>
      <text class="chart-share" x="${cx.toFixed(1)}" y="${H - BOTTOM + 36}" text-anchor="middle">${share}</text>
    </g>`;
  });
  return html`<figure class="chart">
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title" preserveAspectRatio="xMidYMid meet">
      <title id="chart-title">${t.boardChartAlt}</title>
      ${bars}
    </svg>
    <figcaption>
      <span class="key key-ontime"></span> ${t.boardChartKeyOnTime}
      <span class="key key-reported"></span> ${t.boardChartKeyLate}
      <span class="key key-total"></span> ${t.boardChartKeyMissing(total)}
    </figcaption>
  </figure>`;
}
