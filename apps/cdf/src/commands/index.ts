import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { backtestCommand } from './backtest.ts';
import { demoCommand } from './demo.ts';
import { detectCommand } from './detect.ts';
import { fitCommand } from './fit.ts';
import { forecastCommand } from './forecast.ts';
import { generateCommand } from './generate.ts';
import { planCommand } from './plan.ts';
import { predictCommand } from './predict.ts';
import { reportCommand } from './report.ts';
import { validateCommand } from './validate.ts';

/**
 * Register every `cdf` subcommand on the program. One line per command, in help order, so a new
 * command is a one-line addition that does not conflict with others.
 */
export function registerCommands(program: Command, io: CliIo): void {
  program.addCommand(validateCommand(io));
  program.addCommand(generateCommand(io));
  program.addCommand(forecastCommand(io));
  program.addCommand(fitCommand(io));
  program.addCommand(predictCommand(io));
  program.addCommand(planCommand(io));
  program.addCommand(reportCommand(io));
  program.addCommand(detectCommand(io));
  program.addCommand(backtestCommand(io));
  program.addCommand(demoCommand(io));
}
