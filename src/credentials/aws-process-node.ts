import { execFile } from 'node:child_process';
import { CredentialsError } from '../errors/index.js';

/** How long a `credential_process` may run before it is killed. */
export const CREDENTIAL_PROCESS_TIMEOUT_MS = 60_000;

const MAX_OUTPUT_BYTES = 1024 * 1024;

/**
 * The program and arguments that run `command` through the platform shell, as SDK v3's
 * `child_process.exec` does (`/bin/sh -c` on POSIX; `cmd.exe /d /s /c "..."` on Windows, the
 * arguments Node itself uses for `shell: true`), so quoting in the profile means the same thing.
 */
export function shellInvocation(
  command: string,
  platform: NodeJS.Platform = process.platform,
  comSpec: string | undefined = process.env['ComSpec'],
): { file: string; args: string[]; windowsVerbatimArguments: boolean } {
  if (platform === 'win32') {
    return {
      file: comSpec ?? 'cmd.exe',
      args: ['/d', '/s', '/c', `"${command}"`],
      windowsVerbatimArguments: true,
    };
  }
  return { file: '/bin/sh', args: ['-c', command], windowsVerbatimArguments: false };
}

interface ExecFailure {
  code?: number | string | null;
  signal?: NodeJS.Signals | null;
  killed?: boolean;
}

/** Why the process failed, in words that contain none of its output. */
function describeFailure(error: ExecFailure, timeoutMs: number): string {
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return `printed more than ${MAX_OUTPUT_BYTES} bytes`;
  }
  if (error.killed === true && error.signal) return `did not finish within ${timeoutMs} ms`;
  if (typeof error.code === 'number') return `exited with code ${error.code}`;
  if (error.signal) return `was killed by signal ${error.signal}`;
  if (typeof error.code === 'string') return `could not be started (${error.code})`;
  return 'failed';
}

/**
 * Runs a profile's `credential_process` and returns what it printed on stdout. Failures raise
 * {@link CredentialsError} naming the profile and the reason; the command line, stdout and stderr
 * are left out (and so is the `execFile` error, whose message quotes stderr), since any of them
 * may carry a secret. After `timeoutMs` the shell is sent SIGTERM; a command that must be killed
 * with it should start with `exec` (as a POSIX shell does not always replace itself).
 */
export function runCredentialProcess(
  command: string,
  profile: string,
  timeoutMs: number = CREDENTIAL_PROCESS_TIMEOUT_MS,
): Promise<string> {
  const { file, args, windowsVerbatimArguments } = shellInvocation(command);
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        encoding: 'utf8',
        timeout: timeoutMs,
        maxBuffer: MAX_OUTPUT_BYTES,
        windowsHide: true,
        windowsVerbatimArguments,
      },
      (error, stdout) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        reject(
          new CredentialsError(
            `credential_process of AWS profile "${profile}" ${describeFailure(error, timeoutMs)}; ` +
              'its output is not shown because it may contain secrets (run the command to see it)',
          ),
        );
      },
    );
  });
}
