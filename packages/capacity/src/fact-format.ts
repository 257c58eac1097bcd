import { toIsoUtc } from '@cdf/core';
import type { FactValue } from './fact-source.ts';

/**
 * How a fact is written for people:
 * `gpus` (whole or one decimal), `money` (currency; cents below 1,000), `fraction` (0..1 as a
 * percentage), `percent` (already x100), `factor` (`1.3x`), `gpu_hours`, `hours`, `seconds`,
 * `days`, `count`, `tflops`, `probability` (0..1 as a percentage), `timestamp` (epoch ms as
 * ISO 8601), `text`.
 */
export type FactUnit =
  | 'gpus'
  | 'money'
  | 'fraction'
  | 'percent'
  | 'factor'
  | 'gpu_hours'
  | 'hours'
  | 'seconds'
  | 'days'
  | 'count'
  | 'tflops'
  | 'probability'
  | 'timestamp'
  | 'text';

/** Write a fact's value in its unit; null is written "n/a". Deterministic (no locale). */
export function formatFact(value: FactValue, unit: FactUnit, currency: string): string {
  if (value === null) return 'n/a';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'money': {
      const digits = Math.abs(value) >= 1000 ? 0 : 2;
      const text = group(Math.abs(value), digits);
      const sign = value < 0 ? '-' : '';
      return currency === 'USD' ? `${sign}$${text}` : `${sign}${text} ${currency}`;
    }
    case 'fraction':
    case 'probability':
      return `${trim(value * 100, 1)}%`;
    case 'percent':
      return `${trim(value, 1)}%`;
    case 'factor':
      return `${trim(value, 2)}x`;
    case 'timestamp':
      return toIsoUtc(value);
    case 'gpus':
    case 'gpu_hours':
    case 'hours':
    case 'seconds':
    case 'days':
    case 'count':
    case 'tflops':
      return Number.isInteger(value) ? group(value, 0) : group(value, 1);
    case 'text':
      return String(value);
  }
}

/** Fixed decimals with thousands separators: 12345.6 -> "12,345.6". */
function group(value: number, digits: number): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Up to `digits` decimals, trailing zeros dropped: 70.0 -> "70", 23.45 -> "23.5" (digits 1). */
function trim(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
