import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScalingPolicy } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveGpuProfile } from './gpu-presets.ts';
import { HpaParamsSchema, renderHpaManifest } from './hpa-manifest.ts';
import { planCapacity } from './plan-capacity.ts';

const policy: ScalingPolicy = {
  min_gpus: 6,
  max_gpus: 35,
  target_utilization: 0.7,
  scale_up_threshold: 0.8,
  scale_down_threshold: 0.5,
  scale_up_cooldown_seconds: 60,
  scale_down_cooldown_seconds: 900,
  max_scale_factor: 2.5,
  prewarm: [
    { start: Date.UTC(2025, 2, 4, 5), end: Date.UTC(2025, 2, 4, 10), gpus: 22, reason: 'predicted spike' },
  ],
};
const gpu = resolveGpuProfile('h100');

describe('renderHpaManifest', () => {
  it('is an autoscaling/v2 HPA with replicas, metric and behavior from the policy', () => {
    const doc = parse(renderHpaManifest(policy, gpu, HpaParamsSchema.parse({ namespace: 'ml' })));
    expect(doc.apiVersion).toBe('autoscaling/v2');
    expect(doc.kind).toBe('HorizontalPodAutoscaler');
    expect(doc.metadata).toEqual({
      name: 'cdf-inference',
      namespace: 'ml',
      labels: { 'app.kubernetes.io/managed-by': 'cdf' },
    });
    expect(doc.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'cdf-inference',
    });
    expect(doc.spec.minReplicas).toBe(6);
    expect(doc.spec.maxReplicas).toBe(35);
    expect(doc.spec.metrics).toEqual([
      {
        type: 'Pods',
        pods: {
          metric: { name: 'DCGM_FI_DEV_GPU_UTIL' },
          target: { type: 'AverageValue', averageValue: '70' },
        },
      },
    ]);
    // factor 2.5: up to +150% per 60 s; down at most 1 - 1/2.5 = 60% per 900 s
    expect(doc.spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 60,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 150, periodSeconds: 60 }],
      },
      scaleDown: {
        stabilizationWindowSeconds: 900,
        selectPolicy: 'Min',
        policies: [{ type: 'Percent', value: 60, periodSeconds: 900 }],
      },
    });
  });

  it('divides GPUs into replicas and lists pre-warm windows as comments', () => {
    const text = renderHpaManifest(
      policy,
      gpu,
      HpaParamsSchema.parse({ gpus_per_replica: 4, target_name: 'llm-serve' }),
    );
    const doc = parse(text);
    // ceil(6 / 4) = 2, ceil(35 / 4) = 9
    expect([doc.spec.minReplicas, doc.spec.maxReplicas]).toEqual([2, 9]);
    expect(doc.spec.scaleTargetRef.name).toBe('llm-serve');
    expect(doc.metadata.namespace).toBeUndefined();
    expect(text).toContain(
      '#   2025-03-04T05:00:00.000Z .. 2025-03-04T10:00:00.000Z: 6 replicas (predicted spike)',
    );
  });

  it('keeps periods inside the limits Kubernetes accepts', () => {
    const doc = parse(
      renderHpaManifest(
        { ...policy, scale_up_cooldown_seconds: 0, scale_down_cooldown_seconds: 3600, max_scale_factor: 1 },
        gpu,
        HpaParamsSchema.parse({}),
      ),
    );
    expect(doc.spec.behavior.scaleUp.policies[0]).toEqual({ type: 'Percent', value: 1, periodSeconds: 15 });
    expect(doc.spec.behavior.scaleDown.policies[0].periodSeconds).toBe(1800);
  });

  it('parses back the golden manifest to the plan it came from', () => {
    const golden = readFileSync(
      fileURLToPath(new URL('../fixtures/golden-hpa.yaml', import.meta.url)),
      'utf8',
    );
    const scenarios = JSON.parse(
      readFileSync(fileURLToPath(new URL('../fixtures/scenario.json', import.meta.url)), 'utf8'),
    );
    const plan = planCapacity(scenarios);
    const doc = parse(golden);
    expect(doc.spec.minReplicas).toBe(plan.scalingPolicy.min_gpus);
    expect(doc.spec.maxReplicas).toBe(plan.tiers.emergency.peak_gpus);
  });

  it('refuses names Kubernetes would refuse', () => {
    expect(HpaParamsSchema.safeParse({ name: 'My_HPA' }).success).toBe(false);
  });
});
