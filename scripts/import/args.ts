/** `npm run import -- ...` flags -> options. Pure; unknown flags are errors, named. */
import { ImportInputError } from './errors.js';

export interface ImportOptions {
  check: boolean;
  force: boolean;
  botocore?: string;
  jupyterServer?: string;
  add: Array<{ service: string; operation: string }>;
  specsDir?: string;
}

export function parseImportArgs(argv: string[]): ImportOptions {
  const options: ImportOptions = { check: false, force: false, add: [] };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new ImportInputError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--check') options.check = true;
    else if (arg === '--force') options.force = true;
    else if (arg === '--botocore') options.botocore = value(i++, arg);
    else if (arg === '--jupyter-server') options.jupyterServer = value(i++, arg);
    else if (arg === '--specs') options.specsDir = value(i++, arg);
    else if (arg === '--add') {
      const v = value(i++, arg);
      const match = /^([a-z0-9-]+):([A-Z][A-Za-z0-9]*)$/.exec(v);
      if (!match)
        throw new ImportInputError(
          `--add ${v}: expected <botocore service>:<Operation>, e.g. athena:ListSessions`,
        );
      options.add.push({ service: match[1]!, operation: match[2]! });
    } else throw new ImportInputError(`unknown flag ${arg}`);
  }
  if (options.add.length && !options.botocore)
    throw new ImportInputError('--add needs --botocore <botocore data dir>');
  if (options.check && (options.botocore || options.jupyterServer || options.add.length))
    throw new ImportInputError(
      '--check only compares; it cannot be combined with --botocore, --jupyter-server or --add',
    );
  return options;
}
