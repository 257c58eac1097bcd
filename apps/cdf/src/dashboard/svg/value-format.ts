/**
 * A number as people read it on a chart: `1,234`, `12.5`, `0.42`, `1.23M`. Self-contained so
 * the page's script can inline it for tooltips (same text in the page and the images).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const group = (v: number, digits: number, least = digits) =>
    v.toLocaleString('en-US', { minimumFractionDigits: least, maximumFractionDigits: digits });
  if (abs >= 1e9) return `${group(value / 1e9, 2, 0)}B`;
  if (abs >= 1e6) return `${group(value / 1e6, 2, 0)}M`;
  if (abs >= 100 || Number.isInteger(value)) return group(value, 0);
  if (abs >= 10) return group(value, 1);
  if (abs === 0) return '0';
  return group(value, 2);
}

/** A number for an axis label, short: `800k`, `6k`, `12.5k`, `2.5M`, `950`, `0.25`. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  const short = (v: number, suffix: string) => `${Number(v.toPrecision(3)).toLocaleString('en-US')}${suffix}`;
  if (abs >= 1e9) return short(value / 1e9, 'B');
  if (abs >= 1e6) return short(value / 1e6, 'M');
  if (abs >= 1e3) return short(value / 1e3, 'k');
  return formatNumber(value);
}

/** An amount of money: `$1,234/h` style without the suffix; non-USD codes are written out. */
export function formatMoney(value: number, currency: string): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const text =
    abs >= 1e6
      ? `${(abs / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}M`
      : abs.toLocaleString('en-US', {
          maximumFractionDigits: abs >= 100 || Number.isInteger(abs) ? 0 : 2,
          minimumFractionDigits: abs >= 100 || Number.isInteger(abs) ? 0 : 2,
        });
  return currency === 'USD' ? `${sign}$${text}` : `${sign}${text} ${currency}`;
}

/** A share 0..1 as a percentage: `70%`, `8.5%`. */
export function formatPercent(share: number): string {
  const pct = share * 100;
  const digits = Math.abs(pct) >= 10 || Number.isInteger(pct) ? 0 : 1;
  return `${pct.toFixed(digits)}%`;
}
