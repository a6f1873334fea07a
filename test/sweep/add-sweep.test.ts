/**
 * The --add sweep (issue 12): AWS list operations that no one picked in advance become working
 * clients with no generator change and no hand edit. From every List* operation of the
 * installed botocore (test/sweep/list-operations.py), a seeded draw takes one per kind: awsJson
 * and restJson1, with and without a botocore paginator, with input timestamps, maps, nested
 * lists and enums. Each is imported with `--add` into a copy of specs/, generated, type-checked
 * with tsc, and called: the signed request reaches a loopback server that verifies the SigV4
 * signature and records the request, which must be what botocore's own serializer sends for
 * the same model and input. SWEEP_SEED picks another draw.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { javaPatternToEcmascript } from '../../scripts/shared/java-pattern.js';
import { botocoreSerialize } from '../helpers/botocore.js';
import { startCaptureServer, type CaptureServer } from '../helpers/capture-server.js';
import { testAwsCredentials } from '../helpers/credentials.js';
import { generateInto, ROOT } from '../helpers/generated-client.js';
import { copySpecs, importIn, installedBotocore } from '../import/helpers.js';

interface Candidate {
  service: string;
  operation: string;
  protocol: 'json' | 'rest-json';
  paginator: boolean;
  features: string[];
}

const KINDS: Array<[string, (c: Candidate) => boolean]> = [
  ['awsJson with a paginator', (c) => c.protocol === 'json' && c.paginator],
  ['awsJson without a paginator', (c) => c.protocol === 'json' && !c.paginator],
  ['restJson1 with a paginator', (c) => c.protocol === 'rest-json' && c.paginator],
  ['restJson1 without a paginator', (c) => c.protocol === 'rest-json' && !c.paginator],
  [
    'input timestamps (awsJson)',
    (c) => c.protocol === 'json' && c.features.includes('input-timestamp'),
  ],
  [
    'input timestamps (restJson1)',
    (c) => c.protocol === 'rest-json' && c.features.includes('input-timestamp'),
  ],
  ['a map', (c) => c.features.includes('map')],
  ['nested lists', (c) => c.features.includes('nested-list')],
  ['enums', (c) => c.features.includes('enum')],
];

/** How scripts/shared/java-pattern.ts writes Java's `$`. */
const JAVA_DOLLAR = (javaPatternToEcmascript('$') as { pattern: string }).pattern;

const SEED = Number(process.env.SWEEP_SEED ?? 20261207);
const botocore = installedBotocore();

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      { cwd: ROOT, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${cmd} failed:\n${stdout}${stderr}`)) : resolve(stdout),
    );
    child.stdin!.end(input ?? '');
  });
}

/** A value botocore and our validation both accept for a shape: the smallest that fits. */
function sampleValue(shapes: Record<string, any>, name: string, seed: number, depth = 0): unknown {
  const shape = shapes[name];
  switch (shape.type) {
    case 'string': {
      if (shape.enum) return shape.enum[0];
      const min = Math.max(shape.min ?? 1, 1);
      const max = shape.max ?? Number.MAX_SAFE_INTEGER;
      if (shape.pattern) {
        const translated = javaPatternToEcmascript(shape.pattern);
        if ('pattern' in translated) {
          // fast-check cannot generate through lookarounds; a string that ends where the
          // simpler ECMAScript `$` does also matches Java's `$`.
          const re = new RegExp(translated.pattern.split(JAVA_DOLLAR).join('$'), 'u');
          try {
            const fits = fc
              .sample(fc.stringMatching(re, { size: 'xsmall' }), { numRuns: 50, seed })
              .find((s) => [...s].length >= min && [...s].length <= max);
            if (fits !== undefined) return fits;
          } catch {
            // lookarounds: fall through to a plain value
          }
        }
      }
      return 'a'.repeat(Math.min(min, max, 64));
    }
    case 'integer':
    case 'long':
      return Math.min(Math.max(shape.min ?? 1, 1), shape.max ?? 1);
    case 'float':
    case 'double':
      return shape.min ?? 1;
    case 'boolean':
      return true;
    case 'timestamp':
      return new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
    case 'list':
      return shape.min ? [sampleValue(shapes, shape.member.shape, seed, depth + 1)] : [];
    case 'map':
      return {};
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [member, ref] of Object.entries<any>(shape.members)) {
        const target = shapes[ref.shape];
        // Required members, and at the top the optional timestamps and enums the sweep is about.
        const wanted =
          (shape.required ?? []).includes(member) ||
          (depth === 0 &&
            (target.type === 'timestamp' || target.enum) &&
            ref.location !== 'header');
        if (wanted && depth < 4) out[member] = sampleValue(shapes, ref.shape, seed, depth + 1);
      }
      return out;
    }
  }
  return undefined;
}

/** The request as the server saw it, in a comparable form. */
function wireOf(target: string, headers: Record<string, unknown>, body: string) {
  // A request target may start with `//` (an empty first label): not a relative reference.
  const url = new URL(target.startsWith('/') ? `http://x${target}` : target);
  const parsed = body ? JSON.parse(body) : {};
  return {
    path: url.pathname,
    query: [...url.searchParams].sort(),
    target: headers['x-amz-target'],
    contentType: body ? headers['content-type'] : undefined,
    body: parsed,
  };
}

describe.skipIf(!botocore)('--add sweep over list operations of the installed botocore', () => {
  // One copy of specs/ per attempt: a refused --add leaves its model and overlay behind.
  const copies: Array<Awaited<ReturnType<typeof copySpecs>>> = [];
  let chosen: Array<{ kind: string; candidate: Candidate; spec: any; dir: string; specs: string }> =
    [];
  const refused: string[] = [];
  let server: CaptureServer;

  beforeAll(async () => {
    const existing = new Set((await readdir(path.join(ROOT, 'specs/upstream'))).map(String));
    const all: Candidate[] = JSON.parse(await run('python3', ['test/sweep/list-operations.py']));
    const pool = all.filter((c) => !existing.has(c.service));
    const used = new Set<string>();
    for (const [kind, fits] of KINDS) {
      const shuffled = fc.sample(
        fc.shuffledSubarray(pool.filter(fits), { minLength: 8, maxLength: 8 }),
        {
          numRuns: 1,
          seed: SEED + kind.length,
        },
      )[0]!;
      for (const candidate of shuffled) {
        if (used.has(candidate.service)) continue;
        let failure: string | undefined;
        const tmp = await copySpecs();
        copies.push(tmp);
        try {
          const { code, output } = await importIn(tmp.specs, {
            botocore,
            add: [{ service: candidate.service, operation: candidate.operation }],
          });
          if (code !== 0) failure = output.split('\n').pop();
        } catch (error) {
          // The importer refuses what the generator cannot express, naming shape and feature.
          failure = (error as Error).message;
        }
        if (failure !== undefined) {
          refused.push(`${candidate.service}:${candidate.operation}: ${failure}`);
          continue;
        }
        used.add(candidate.service);
        const text = await readFile(path.join(tmp.specs, `${candidate.service}.yaml`), 'utf8');
        const dir = await generateInto(`sweep-${candidate.service}`, text);
        chosen.push({ kind, candidate, spec: parse(text), dir, specs: tmp.specs });
        break;
      }
    }
    const tsconfig = path.join(ROOT, '.tmp', 'tsconfig.sweep.json');
    await writeFile(
      tsconfig,
      JSON.stringify({
        extends: '../tsconfig.json',
        include: chosen.map((c) => `${path.basename(c.dir)}/**/*.ts`),
      }),
    );
    await run(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', tsconfig, '--noEmit']);
    server = await startCaptureServer();
  }, 600_000);
  afterAll(async () => {
    await server?.close();
    for (const copy of copies) await copy.cleanup();
  });

  it('imports, generates and type-checks one operation of every kind', () => {
    console.log(
      `sweep (seed ${SEED}): ${chosen.map((c) => `${c.candidate.service}:${c.candidate.operation}`).join(', ')}` +
        (refused.length
          ? `\nrefused by the importer, naming the feature:\n  ${refused.join('\n  ')}`
          : ''),
    );
    expect(chosen.map((c) => c.kind)).toEqual(KINDS.map(([kind]) => kind));
    for (const reason of refused) expect(reason).toMatch(/\S+: .*\S/);
  });

  it('sends the signed request botocore would send, for each', async () => {
    for (const { candidate, spec, dir, specs } of chosen) {
      const where = `${candidate.service}:${candidate.operation}`;
      const upstream = path.join(specs, 'upstream', candidate.service);
      const version = (await readdir(upstream, { withFileTypes: true })).find((e) =>
        e.isDirectory(),
      )!.name;
      const files = await readdir(path.join(upstream, version));
      const modelFile = path.join(
        upstream,
        version,
        files.find((f) => f.startsWith('service-2.json'))!,
      );
      const raw = await readFile(modelFile);
      const model = JSON.parse(
        (modelFile.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'),
      );
      const input = sampleValue(
        model.shapes,
        model.operations[candidate.operation].input.shape,
        SEED,
      ) as object;

      const signing = await startCaptureServer({
        sigv4: { service: spec['x-auth'].signingName, region: 'us-east-1' },
      });
      try {
        const module = await import(path.join(dir, 'index.ts'));
        const Client = module[`${spec['x-client'].name}Client`];
        const method = candidate.operation.charAt(0).toLowerCase() + candidate.operation.slice(1);
        await new Client({
          region: 'us-east-1',
          endpoint: signing.url,
          credentials: testAwsCredentials,
          retry: false,
        })[method](input);
        const sent = signing.requests[0]!;
        expect.soft(sent.signature, where).toMatchObject({ ok: true });
        const reference = await botocoreSerialize(model, signing.url, [
          { operation: candidate.operation, params: input },
        ]);
        const expected = reference.requests[0]!;
        expect.soft(sent.method, where).toBe(expected.method);
        expect.soft(wireOf(sent.target, sent.headers, sent.body), where).toEqual(
          wireOf(expected.url, expected.headers, expected.body),
        );
      } finally {
        await signing.close();
      }
    }
  }, 300_000);
});
