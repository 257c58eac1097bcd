/** A tick on a time axis: its instant (epoch ms) and its label (UTC). */
export interface TimeTick {
  t: number;
  label: string;
}

/**
 * Ticks for a UTC time axis from `start` to `end` (epoch ms), about `target` of them, on round
 * instants (hours, midnights, Mondays, first days of months). Labels are UTC: `06:00`,
 * `Mar 4`, `Mar 2025`.
 *
 * Self-contained on purpose (no outer references): the page's script inlines this very function
 * to redraw the axis when a panel zooms, so the page and the static images tick alike.
 */
export function timeTicks(start: number, end: number, target: number): TimeTick[] {
  const hour = 3_600_000;
  const day = 24 * hour;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const span = end - start;
  if (!(span > 0) || !(target >= 1)) return [];
  const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  const dayLabel = (d: Date) => `${months[d.getUTCMonth()]} ${d.getUTCDate()}`;
  const fixed = [hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day, 14 * day];
  const step = fixed.find((s) => span / s <= target);
  const ticks: TimeTick[] = [];
  if (step !== undefined) {
    // Weeks start on Monday: 1970-01-05 was one.
    const origin = step >= 7 * day ? 4 * day : 0;
    let t = Math.ceil((start - origin) / step) * step + origin;
    for (; t <= end; t += step) {
      const d = new Date(t);
      const midnight = d.getUTCHours() === 0;
      const label = step < day && !midnight ? `${pad(d.getUTCHours())}:00` : dayLabel(d);
      ticks.push({ t, label });
    }
    return ticks;
  }
  const monthSteps = [1, 2, 3, 6, 12, 24, 60];
  const every = monthSteps.find((m) => span / (m * 30.44 * day) <= target) ?? 120;
  const first = new Date(start);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  if (Date.UTC(y, m, 1) < start) m += 1;
  m = Math.ceil(m / every) * every;
  for (;;) {
    const t = Date.UTC(y, m, 1);
    if (t > end) break;
    const d = new Date(t);
    const label =
      d.getUTCMonth() === 0 || every >= 12 ? `${d.getUTCFullYear()}` : `${months[d.getUTCMonth()]}`;
    ticks.push({
      t,
      label: ticks.length === 0 && every < 12 ? `${months[d.getUTCMonth()]} ${d.getUTCFullYear()}` : label,
    });
    m += every;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return ticks;
}
