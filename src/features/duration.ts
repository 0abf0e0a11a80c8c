import { t } from '../texts/index.ts';

/** "3 giờ 20 phút", "1 ngày 2 giờ", "dưới 1 phút": how long something took, for people. */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return t.durationUnderMinute;
  const parts: [number, (n: number) => string][] = [
    [Math.floor(minutes / 1440), t.durationDays],
    [Math.floor((minutes % 1440) / 60), t.durationHours],
    [minutes % 60, t.durationMinutes],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => unit(n))
    .join(' ');
}
