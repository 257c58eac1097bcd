/** The weights of one NAB application profile (NAB's `config/profiles.json` `CostMatrix`). */
export interface NabCostMatrix {
  /** Weight of a detected window (scaled by how early the first detection is). */
  tpWeight: number;
  /** Cost of a missed window. */
  fnWeight: number;
  /** Cost of a detection outside every window (scaled by its distance after the last window). */
  fpWeight: number;
  /** Weight of a true negative (NAB ignores it; kept for completeness). */
  tnWeight: number;
}

/** Name of a NAB profile. */
export type NabProfileName = 'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate';

/**
 * The three NAB v1.0 application profiles, exactly as in NAB's `config/profiles.json`:
 * `standard`, `reward_low_FP_rate` (false positives cost twice as much) and
 * `reward_low_FN_rate` (missed windows cost twice as much).
 */
export const nabProfiles: Readonly<Record<NabProfileName, Readonly<NabCostMatrix>>> = {
  standard: { tpWeight: 1.0, fnWeight: 1.0, fpWeight: 0.11, tnWeight: 1.0 },
  reward_low_FP_rate: { tpWeight: 1.0, fnWeight: 1.0, fpWeight: 0.22, tnWeight: 1.0 },
  reward_low_FN_rate: { tpWeight: 1.0, fnWeight: 2.0, fpWeight: 0.11, tnWeight: 1.0 },
};
