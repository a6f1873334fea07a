/**
 * botocore as the wire reference: runs its serializer (botocore-serialize.py) on a model and
 * inputs and returns the requests it would send. Found through `python3`, as the importer does.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'botocore-serialize.py');

export interface BotocoreRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A `Date` in botocore-serialize.py's input encoding. */
export function botocoreDate(date: Date): { $date: number } {
  return { $date: date.getTime() };
}

/** JSON-able params with every `Date` replaced by {@link botocoreDate}. */
export function toBotocoreParams(value: unknown): unknown {
  if (value instanceof Date) return botocoreDate(value);
  if (Array.isArray(value)) return value.map(toBotocoreParams);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toBotocoreParams(v)]));
  }
  return value;
}

export function botocoreSerialize(
  model: unknown,
  endpoint: string,
  cases: Array<{ operation: string; params: unknown }>,
): Promise<{ botocore: string; requests: BotocoreRequest[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'python3',
      [SCRIPT],
      { maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`botocore-serialize.py failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout));
      },
    );
    child.stdin!.end(
      JSON.stringify({
        model,
        endpoint,
        cases: cases.map((c) => ({ operation: c.operation, params: toBotocoreParams(c.params) })),
      }),
    );
  });
}

/** Whether `python3 -c "import botocore"` works here. */
export function hasBotocore(): Promise<boolean> {
  return new Promise((resolve) =>
    execFile('python3', ['-c', 'import botocore'], (error) => resolve(!error)),
  );
}

/** Every distinct `pattern` in the service models of the botocore that `python3` imports. */
export function botocorePatterns(): Promise<{
  version: string;
  models: number;
  patterns: string[];
}> {
  const script = `
import botocore, glob, gzip, json, os, sys
data = os.path.join(os.path.dirname(botocore.__file__), 'data')
patterns, models = set(), 0
for f in sorted(glob.glob(os.path.join(data, '*', '*', 'service-2.json*'))):
    with (gzip.open if f.endswith('.gz') else open)(f, 'rt', encoding='utf-8') as fh:
        model = json.load(fh)
    models += 1
    patterns.update(s['pattern'] for s in model.get('shapes', {}).values() if 'pattern' in s)
json.dump({'version': botocore.__version__, 'models': models, 'patterns': sorted(patterns)}, sys.stdout)
`;
  return new Promise((resolve, reject) =>
    execFile('python3', ['-c', script], { maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout)),
    ),
  );
}
