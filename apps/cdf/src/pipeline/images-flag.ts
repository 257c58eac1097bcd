import type { Command } from 'commander';
import { parseChoice } from '../flag-values.ts';

/** Image formats the dashboard panels can be written in (`--images`). */
export type DashboardImageFormat = 'svg' | 'png';

/** Add `--images <svg|png>`: the dashboard's panels as separate files in `<out>/images/`. */
export function addImagesOption(command: Command): Command {
  return command.option(
    '--images <format>',
    'also write each dashboard panel as a file in <out>/images/: svg (no browser needed) or png (needs Chromium)',
  );
}

/** Parse `--images`; a UsageError (exit 2) naming the flag for anything but svg or png. */
export function parseImagesFlag(value: string | undefined): { images?: DashboardImageFormat } {
  if (value === undefined) return {};
  return { images: parseChoice('--images', value, ['svg', 'png'] as const) };
}
