/**
 * The `cdf` executable (bin entry, built to dist/cli.js). All behaviour lives in `main`; this
 * file only binds it to the real process and reports its exit code.
 */
import { processIo } from './io.ts';
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), processIo());
