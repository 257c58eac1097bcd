import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CdfError,
  CdfErrorCode,
  type ScenarioFrame,
  ScenarioFrameSchema,
  type SpikeEvent,
  SpikeEventSchema,
  type SpikeType,
  SpikeTypeSchema,
  validate,
} from '@cdf/core';
import { z } from 'zod';
import { resolvePlugin } from '../config/resolve-plugin.ts';
import { readCsvTable } from './csv-table-file.ts';
import type { DashboardHistoryColumns } from './dashboard-input.ts';
import { type PlanOutputs, writePlanAndDashboard } from './plan-and-dashboard.ts';
import { parsePlannedEvents } from './planned-events-file.ts';
import type { CapacityStagePlugin } from './resolved-pipeline.ts';
import { RUN_FILE, RunManifestSchema } from './run-manifest.ts';
import { SCENARIO_HEADER } from './run-tables.ts';

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new CdfError(CdfErrorCode.FileNotFound, 'not a run folder: cannot read file', { file, cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'not valid JSON', { file, cause });
  }
}

function numberCell(text: string, file: string, row: number, column: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'not a number', { file, row, column, value: text });
  }
  return value;
}

/** Read `scenarios.csv` of a run back into a validated scenario frame. */
export async function readScenarioFile(file: string): Promise<ScenarioFrame> {
  const table = await readCsvTable(file);
  const hasIds = table.header.includes('series_id');
  const idIndex = hasIds ? table.column('series_id') : -1;
  const numeric = SCENARIO_HEADER.slice(1).filter((name) => name !== 'recommended_capacity');
  const index = Object.fromEntries(numeric.map((name) => [name, table.column(name)]));
  const timeIndex = table.column('timestamp');
  const rows = table.rows.map((cells, r) => ({
    ...(hasIds ? { series_id: cells[idIndex] ?? '' } : {}),
    timestamp: cells[timeIndex] ?? '',
    ...Object.fromEntries(
      numeric.map((name) => [name, numberCell(cells[index[name]!] ?? '', file, r + 1, name)]),
    ),
  }));
  return validate(ScenarioFrameSchema, rows, { what: 'scenario file', file });
}

/** Read `anomalies.csv` of a run back into the history columns of each series. */
export async function readHistoryFile(file: string): Promise<Map<string, DashboardHistoryColumns>> {
  const table = await readCsvTable(file);
  const hasIds = table.header.includes('series_id');
  const col = (name: string) => table.column(name);
  const [ts, value, expected, flag, type] = [
    'timestamp',
    'value',
    'expected',
    'is_anomaly',
    'spike_type',
  ].map(col);
  const out = new Map<string, DashboardHistoryColumns>();
  table.rows.forEach((cells, r) => {
    const id = hasIds ? (cells[col('series_id')] ?? '') : 'default';
    let h = out.get(id);
    if (h === undefined) {
      h = { timestamps: [], values: [], expected: [], isAnomaly: [], spikeType: [] };
      out.set(id, h);
    }
    const time = Date.parse(cells[ts!] ?? '');
    if (Number.isNaN(time)) {
      throw new CdfError(CdfErrorCode.InvalidTimestamp, 'not an ISO 8601 timestamp', {
        file,
        row: r + 1,
        column: 'timestamp',
        value: cells[ts!] ?? '',
      });
    }
    const spike = cells[type!] ?? '';
    h.timestamps.push(time);
    h.values.push(numberCell(cells[value!] ?? '', file, r + 1, 'value'));
    // empty at a step filled in a gap during the detector's warm-up: it had nothing to expect
    const expectedCell = cells[expected!] ?? '';
    h.expected.push(
      expectedCell.trim() === '' ? Number.NaN : numberCell(expectedCell, file, r + 1, 'expected'),
    );
    h.isAnomaly.push(cells[flag!] === 'true');
    h.spikeType.push(
      spike === '' ? null : (validate(SpikeTypeSchema, spike, { file, row: r + 1 }) as SpikeType),
    );
  });
  return out;
}

/**
 * Rebuild a run's plan files, recommendations and dashboard from its folder: `run.json` (the
 * capacity stage and its parameters, the planned events), `scenarios.csv`, `anomalies.csv` and
 * `spike-events.json`. Nothing is refitted or re-forecast; the capacity stage runs again.
 */
export async function rebuildReport(
  runDir: string,
  out: string,
  generatedAt: number,
  options: { images?: 'svg' | 'png' } = {},
): Promise<PlanOutputs> {
  const runFile = join(runDir, RUN_FILE);
  const manifest = validate(RunManifestSchema, await readJson(runFile), {
    what: 'run manifest',
    code: CdfErrorCode.IncompatibleModel,
    file: runFile,
  });
  const { spec } = manifest.parameters;
  const capacity = await resolvePlugin<CapacityStagePlugin>(
    spec.stages.capacity.use,
    'capacity',
    'capacity.use',
    {
      ...(spec.configDir === undefined ? {} : { configDir: spec.configDir }),
    },
  );
  const eventsFile = join(runDir, 'spike-events.json');
  const events = validate(z.array(SpikeEventSchema), await readJson(eventsFile), {
    what: 'spike events',
    file: eventsFile,
  }) as SpikeEvent[];
  return writePlanAndDashboard(out, {
    scenarios: await readScenarioFile(join(runDir, 'scenarios.csv')),
    histories: await readHistoryFile(join(runDir, 'anomalies.csv')),
    events,
    plannedEvents: parsePlannedEvents(manifest.report.planned_events, runFile),
    capacity: { ...capacity, params: spec.stages.capacity.params },
    target: manifest.report.target,
    generatedAt,
    fleet: manifest.report.fleet,
    ...options,
  });
}
