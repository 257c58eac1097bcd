/** One method's published M4 hourly scores (all 414 hourly series). */
export interface PublishedM4Score {
  /** The method's last name, or its id for the benchmarks (`Naive2`, `sNaive`, `Theta`, ...). */
  name: string;
  smape: number;
  mase: number;
  owa: number;
}

/** The published rows worth showing beside cdf: the M4 benchmarks and the best hourly entries. */
export const M4_HOURLY_SHOWN: readonly string[] = [
  'Naive2',
  'sNaive',
  'Theta',
  'Smyl',
  'Doornik',
  'Pawlikowski',
  'Montero-Manso',
  'Jaganathan',
  'Pedregal',
];

/**
 * Parse `published-results-all-414.csv` (`method_or_userid,last_name,overall_rank_pf,hourly_sMAPE,
 * hourly_MASE,hourly_OWA,...`): one row per method with hourly scores; rows without an hourly
 * sMAPE are left out. The name is `last_name`, or `method_or_userid` where it is `-`.
 */
export function parseM4Published(csvText: string): PublishedM4Score[] {
  return csvText
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((c) => c.length >= 6 && c[3] !== '' && Number.isFinite(Number(c[3])))
    .map((c) => ({
      name: c[1] === '-' ? c[0]! : c[1]!,
      smape: Number(c[3]),
      mase: Number(c[4]),
      owa: Number(c[5]),
    }));
}
