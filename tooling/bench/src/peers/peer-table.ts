import type { ReportTable } from '../report-table.ts';
import { formatMs } from '../stats.ts';
import type { PeerStatus } from './peer-runtime.ts';

/** A table saying a peer comparison was skipped, and why (the peer is not installed). */
export function skippedPeerTable(title: string, peers: PeerStatus[]): ReportTable {
  return {
    title: `${title} — skipped`,
    columns: ['peer', 'status'],
    rows: peers.map((p) => [
      p.name,
      p.available ? `available ${p.version ?? ''}`.trim() : (p.reason ?? 'missing'),
    ]),
  };
}

/** `cdf / peer` as `0.42x`; under 1 means cdf is faster. */
export function ratio(cdf: number, peer: number): string {
  if (!Number.isFinite(cdf) || !Number.isFinite(peer) || peer <= 0) return '—';
  return `${(cdf / peer).toFixed(2)}x`;
}

/** "yes" / "no" / "tie" for a lower-is-better metric, with a relative tolerance for a tie. */
export function lowerIsBetter(cdf: number, peer: number, tolerance = 0.01): string {
  if (!Number.isFinite(cdf) || !Number.isFinite(peer)) return '—';
  if (Math.abs(cdf - peer) <= tolerance * Math.max(Math.abs(cdf), Math.abs(peer))) return 'tie';
  return cdf < peer ? 'yes' : 'no';
}

/** "yes" / "no" / "tie" for a higher-is-better metric. */
export function higherIsBetter(cdf: number, peer: number, tolerance = 0.01): string {
  return lowerIsBetter(-cdf, -peer, tolerance);
}

/** One line of a cdf-versus-peer table: a metric measured on both, and which way is better. */
export interface PeerMetric {
  metric: string;
  cdf: number;
  peer: number;
  better: 'lower' | 'higher';
  /** `ms` formats as a time and adds a `cdf / peer` ratio; others print the number. */
  unit: 'ms' | 'metric';
}

/**
 * A cdf-versus-peer table: each metric for both, the ratio `cdf / peer` for times (under 1:
 * cdf is faster), and whether cdf is better (a tie within 1%).
 */
export function peerTable(
  title: string,
  peerName: string,
  metrics: PeerMetric[],
  notes: string[] = [],
): ReportTable {
  return {
    title,
    columns: ['metric', 'cdf', peerName, 'cdf / peer', 'cdf better?'],
    rows: metrics.map((m) => [
      m.metric,
      m.unit === 'ms' ? formatMs(m.cdf) : m.cdf,
      m.unit === 'ms' ? formatMs(m.peer) : m.peer,
      m.unit === 'ms' ? ratio(m.cdf, m.peer) : '',
      m.better === 'lower' ? lowerIsBetter(m.cdf, m.peer) : higherIsBetter(m.cdf, m.peer),
    ]),
    notes,
  };
}
