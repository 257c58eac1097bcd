/** The detectors of the package, by the name written into `anomalies.csv`'s `detectors` column. */
export const DETECTOR_NAMES = ['robust_z', 'rate_of_change', 'isolation_forest'] as const;
/** One detector name. */
export type DetectorName = (typeof DETECTOR_NAMES)[number];
