import { CdfError, CdfErrorCode, type GpuProfile, GpuProfileSchema, safeValidate } from '@cdf/core';

/**
 * The built-in GPU profiles. Throughput is the vendor's dense (no 2:4 sparsity) BF16 Tensor Core
 * figure per GPU, the unit cdf forecasts demand in. Prices are round on-demand figures per
 * GPU-hour in USD, meant as editable defaults, not quotes: pass `price_per_hour` (or a whole
 * custom profile) for your contract. `a100` is the seed system's profile (312 TFLOPS, $3.50).
 */
export const GPU_PRESETS = {
  a100: {
    id: 'a100',
    name: 'NVIDIA A100 80GB SXM',
    tflops: 312,
    price_per_hour: 3.5,
    memory_gb: 80,
    source:
      'NVIDIA A100 Tensor Core GPU datasheet: BF16 Tensor Core 312 TFLOPS dense (624 with sparsity); price = the seed system default, editable',
  },
  h100: {
    id: 'h100',
    name: 'NVIDIA H100 SXM 80GB',
    tflops: 989,
    price_per_hour: 6,
    memory_gb: 80,
    source:
      'NVIDIA H100 Tensor Core GPU datasheet (SXM): BF16 Tensor Core 1,979 TFLOPS with sparsity = 989 dense; price = illustrative on-demand list price, editable',
  },
  h200: {
    id: 'h200',
    name: 'NVIDIA H200 SXM 141GB',
    tflops: 989,
    price_per_hour: 7.5,
    memory_gb: 141,
    source:
      'NVIDIA H200 Tensor Core GPU datasheet (SXM): BF16 Tensor Core 1,979 TFLOPS with sparsity = 989 dense (same compute as H100, more memory); price = illustrative on-demand list price, editable',
  },
  b200: {
    id: 'b200',
    name: 'NVIDIA B200 (HGX B200) 180GB',
    tflops: 2250,
    price_per_hour: 10,
    memory_gb: 180,
    source:
      'NVIDIA HGX B200 datasheet, per GPU: FP16/BF16 Tensor Core 4.5 PFLOPS with sparsity = 2.25 PFLOPS dense (at up to 1,000 W); price = illustrative on-demand list price, editable',
  },
} as const satisfies Record<string, GpuProfile>;

/** The id of a built-in profile. */
export type GpuPresetId = keyof typeof GPU_PRESETS;

/** The profile used when none is given: the seed system's A100 (312 TFLOPS, $3.50 per GPU-hour). */
export const DEFAULT_GPU_ID: GpuPresetId = 'a100';

/** True when `id` names a built-in profile. */
export function isGpuPresetId(id: string): id is GpuPresetId {
  return Object.hasOwn(GPU_PRESETS, id);
}

/**
 * Resolve a GPU profile: a preset id (`a100`, `h100`, `h200`, `b200`), the id of one of
 * `customProfiles` (profiles from a config file), or a whole custom profile. `overrides` edit the
 * result (typically `price_per_hour` or `tflops`). Throws a CdfError INVALID_CONFIG for an unknown
 * id or an invalid profile.
 */
export function resolveGpuProfile(
  idOrCustom: string | GpuProfile,
  overrides: Partial<GpuProfile> = {},
  customProfiles: readonly GpuProfile[] = [],
): GpuProfile {
  let base: unknown;
  if (typeof idOrCustom === 'string') {
    const id = idOrCustom.trim().toLowerCase();
    const custom = customProfiles.find((p) => p.id.toLowerCase() === id);
    if (custom) base = custom;
    else if (isGpuPresetId(id)) base = GPU_PRESETS[id];
    else {
      const known = [...Object.keys(GPU_PRESETS), ...customProfiles.map((p) => p.id)].join(', ');
      throw new CdfError(CdfErrorCode.InvalidConfig, `unknown GPU profile "${idOrCustom}"`, {
        column: 'gpu',
        value: idOrCustom,
        expected: `one of ${known}, or a custom profile`,
      });
    }
  } else {
    base = idOrCustom;
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const merged = { ...(base as object), ...defined };
  const result = safeValidate(GpuProfileSchema, merged, {
    what: 'GPU profile',
    code: CdfErrorCode.InvalidConfig,
  });
  if (!result.success) throw result.error;
  return result.value;
}
