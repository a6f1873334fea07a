/**
 * Entry point of the `cloud-sessions` command (`bin/cloud-sessions.js` imports it): runs the
 * CLI on this process's arguments and streams and sets the exit status.
 */
import { createRequire } from 'node:module';
import { runCli } from './run.js';

// Read at run time through the package's own `./package.json` export, so the same line works
// from src/ (tsx) and from dist/ after a build.
const { version } = createRequire(import.meta.url)('cloud-sessions/package.json') as {
  version: string;
};

// `cloud-sessions list ... | head`: once the reader is gone there is nothing left to do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
  version,
});
