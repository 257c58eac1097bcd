import { CdfError, PlannedEventSchema, SpikeEventSchema } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { parseCsvReference } from '../write/csv-reference-parser.test-helper.ts';
import {
  eventsToCsv,
  eventsToJson,
  formatEventsFor,
  formatPlannedLaunchesFor,
  plannedLaunchesToCsv,
  tableFormatOf,
} from './event-tables.ts';
import { generateSynthetic } from './generate-synthetic.ts';

const data = generateSynthetic({ start: '2023-01-01', end: '2023-07-01', seed: 9 });

describe('event tables', () => {
  it('writes events as CSV with ISO times that read back to the same events', () => {
    const rows = parseCsvReference(eventsToCsv(data.events));
    expect(rows[0]).toEqual(['start', 'end', 'peak', 'peak_value', 'magnitude', 'type', 'name']);
    expect(rows.length).toBe(data.events.length + 1);
    rows.slice(1).forEach((row, k) => {
      const [start, end, peak, peakValue, magnitude, type, name] = row;
      const parsed = SpikeEventSchema.parse({
        start,
        end,
        peak,
        peak_value: Number(peakValue),
        magnitude: Number(magnitude),
        type,
        name,
      });
      expect(parsed).toEqual(data.events[k]);
    });
  });

  it('writes events as JSON that SpikeEventSchema reads back', () => {
    const parsed = (JSON.parse(eventsToJson(data.events)) as unknown[]).map((e) => SpikeEventSchema.parse(e));
    expect(parsed).toEqual(data.events);
    expect(eventsToJson([])).toBe('[]\n');
  });

  it('writes planned launches in the seed shape that PlannedEventSchema reads', () => {
    const rows = parseCsvReference(plannedLaunchesToCsv(data.plannedLaunches));
    expect(rows[0]).toEqual(['date', 'name', 'expected_multiplier', 'expected_duration_hours']);
    rows.slice(1).forEach((row, k) => {
      const planned = PlannedEventSchema.parse({
        date: row[0],
        name: row[1],
        expected_multiplier: Number(row[2]),
        expected_duration_hours: Number(row[3]),
      });
      expect(planned.start).toBe(Date.parse(data.plannedLaunches[k]!.date));
      expect(planned.expected_multiplier).toBe(data.plannedLaunches[k]!.expected_multiplier);
    });
  });

  it('picks the format from the extension and refuses others', () => {
    expect(tableFormatOf('out/Events.CSV')).toBe('csv');
    expect(formatEventsFor('e.json', data.events)).toBe(eventsToJson(data.events));
    expect(formatEventsFor('e.csv', data.events)).toBe(eventsToCsv(data.events));
    expect(formatPlannedLaunchesFor('l.csv', data.plannedLaunches)).toBe(
      plannedLaunchesToCsv(data.plannedLaunches),
    );
    try {
      formatEventsFor('events.xlsx', data.events);
      expect.unreachable();
    } catch (error) {
      expect(CdfError.isInstance(error)).toBe(true);
      expect((error as CdfError).code).toBe('UNSUPPORTED_FORMAT');
      expect((error as CdfError).location.file).toBe('events.xlsx');
    }
  });
});
