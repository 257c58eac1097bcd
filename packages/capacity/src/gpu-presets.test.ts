import { CdfError, GpuProfileSchema } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GPU_ID, GPU_PRESETS, resolveGpuProfile } from './gpu-presets.ts';

describe('GPU presets', () => {
  it('carry the dense BF16 figures and a source for each', () => {
    expect(Object.fromEntries(Object.values(GPU_PRESETS).map((p) => [p.id, p.tflops]))).toEqual({
      a100: 312,
      h100: 989,
      h200: 989,
      b200: 2250,
    });
    for (const preset of Object.values(GPU_PRESETS)) {
      expect(GpuProfileSchema.safeParse(preset).success).toBe(true);
      expect(preset.source).toMatch(/datasheet/);
    }
  });

  it('default to the seed system: an A100 at 312 TFLOPS and $3.50 per GPU-hour', () => {
    expect(DEFAULT_GPU_ID).toBe('a100');
    const p = resolveGpuProfile(DEFAULT_GPU_ID);
    expect([p.name, p.tflops, p.price_per_hour]).toEqual(['NVIDIA A100 80GB SXM', 312, 3.5]);
  });

  it('take overrides, custom profiles and whole profiles', () => {
    expect(resolveGpuProfile('H100', { price_per_hour: 2.49 }).price_per_hour).toBe(2.49);
    const custom = { id: 'l40s', name: 'NVIDIA L40S', tflops: 362, price_per_hour: 1.2 };
    expect(resolveGpuProfile('l40s', {}, [custom])).toEqual(custom);
    expect(resolveGpuProfile(custom, { tflops: 366 }).tflops).toBe(366);
  });

  it('refuse unknown ids and invalid figures with INVALID_CONFIG', () => {
    const fail = (f: () => unknown): unknown[] | string => {
      try {
        f();
      } catch (e) {
        return CdfError.isInstance(e) ? [e.code, e.location.value] : String(e);
      }
      return 'no error';
    };
    expect(fail(() => resolveGpuProfile('v100'))).toEqual(['INVALID_CONFIG', 'v100']);
    expect(fail(() => resolveGpuProfile('a100', { tflops: -1 }))?.[0]).toBe('INVALID_CONFIG');
  });
});
