import { execFile, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { javaPatternToEcmascript } from '../../scripts/shared/java-pattern.js';
import { botocorePatterns } from '../helpers/botocore.js';

const translate = (java: string) => {
  const result = javaPatternToEcmascript(java);
  if (!('pattern' in result)) throw new Error(`unsupported: ${result.unsupported}`);
  return new RegExp(result.pattern, 'u');
};

describe('javaPatternToEcmascript', () => {
  it.each([
    // [Java pattern, matches, does not match]
    ['^[a-z\\_]+$', ['a_b'], ['a-b']],
    ['^arn\\:aws\\:[a-z]+$', ['arn:aws:s'], ['arn-aws-s']],
    ['^\\-?\\d+$', ['-12'], ['+12']],
    ['^[\\w-_]+$', ['a-_'], ['a.b']],
    ['^a.b$', ['axb'], ['a\nb', 'a\u0085b']],
    ['(?s)^a.b$', ['a\nb', 'a\u0085b'], []],
    ['^abc$', ['abc', 'abc\n', 'abc\r\n', 'abc\u2028'], ['abc\n\n', 'abcd', 'abc\r\r']],
    ['^abc\\z', ['abc'], ['abc\n']],
    ['^\\s+$', [' \t\n\u000B\f\r'], ['\u00A0', '\u2003']],
    ['^\\p{IsAlphabetic}+$', ['aé'], ['1']],
    ['^\\p{Alpha}+$', ['ab'], ['é']],
    ['^\\p{Punct}$', ['!', '`', '~'], ['a', '¿']],
    ['^[a-c[x-z]]+$', ['axc'], ['m']],
    ['^[a-z&&[^aeiou]]+$', ['bcd'], ['bad']],
    ['^[\\p{Print}&&[^|:/]]+$', ['ab c'], ['a|b', '\u0001']],
    ['(?i)^all$', ['ALL', 'aLl'], ['al']],
    ['^(?i:ab)c$', ['ABc'], ['ABC']],
    ['^[\\x{60}]$', ['`'], ['a']],
    ['^[\\000-\\037]$', ['\u0001'], [' ']],
    ['^[\\uD800\\uDC00-\\uDBFF\\uDFFF]$', ['😀'], ['a']],
    ['^\\Qa.b\\E$', ['a.b'], ['axb']],
    ['^[0-9]{2}{2}$', ['1234'], ['123']],
    ['^a*+a$', [], ['aaa']],
    ['^(?>a|ab)c$', ['ac'], ['abc']],
    ['^[\\/]?+x$', ['/x', 'x'], ['//x']],
    ['^(?!\\.)+a${1,3}', ['a'], ['.a']],
  ])('%s', (java, yes, no) => {
    const re = translate(java);
    for (const s of yes) expect(re.test(s), JSON.stringify(s)).toBe(true);
    for (const s of no) expect(re.test(s), JSON.stringify(s)).toBe(false);
  });

  it.each([
    ['(?x) a b', '(?x)'],
    ['(?m)^a$', '(?m)'],
    ['\\p{InBasicLatin}', 'InBasicLatin'],
    ['a\\Gb', '\\G'],
    ['\\y', '\\y'],
    ['a{,3}', 'not a repetition'],
    ['(a)(?>b)\\1', 'numbered backreferences'],
  ])('names what it cannot express: %s', (java, named) => {
    const result = javaPatternToEcmascript(java);
    expect(result).toHaveProperty('unsupported');
    expect((result as { unsupported: string }).unsupported).toContain(named);
  });

  it('never throws, and what it returns compiles with the u flag (fast-check)', () => {
    const javaish = fc.stringMatching(/^[a-z0-9\\[\]()^$.*+?{}|:_\-&!=<>,sdwpPQE@ ]{0,16}$/);
    fc.assert(
      fc.property(javaish, (java) => {
        const result = javaPatternToEcmascript(java);
        if ('pattern' in result) new RegExp(result.pattern, 'u');
        else expect(result.unsupported.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

const hasPython = spawnSync('python3', ['-c', 'import botocore']).status === 0;
const hasJava = spawnSync('java', ['-version']).status === 0;

/**
 * Every pattern in the installed botocore's models. Each must translate to a pattern that
 * compiles with `u` (none of botocore 1.43.11's 4301 needs the unsupported path), and, when a
 * JDK is installed, match the same strings as java.util.regex: random strings over the
 * pattern's own characters and line terminators, and, for a tenth, strings made to match the
 * translation (and the same with a trailing newline, where Java's `$` differs).
 */
describe.skipIf(!hasPython)('every botocore pattern', () => {
  let patterns: string[] = [];
  let version = '';
  beforeAll(async () => {
    ({ patterns, version } = await botocorePatterns());
  }, 120_000);

  it('translates and compiles', () => {
    const failed = patterns.filter((p) => !('pattern' in javaPatternToEcmascript(p)));
    expect(patterns.length, `botocore ${version}`).toBeGreaterThan(1000);
    expect(failed).toEqual([]);
  });

  it.skipIf(!hasJava)(
    'matches what Java matches',
    async () => {
      const budget = Date.now() + 10_000;
      const cases = patterns.map((java, index) => {
        const re = translate(java);
        const alphabet = [
          ...new Set([...java, 'a', 'Z', '0', ' ', '\n', '\r', '\u0085', 'é', '\u00A0']),
        ];
        const random = fc.sample(
          fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((a) => a.join('')),
          { numRuns: 12, seed: index },
        );
        let matching: string[] = [];
        // fast-check builds matching strings slowly (seconds a pattern for large classes):
        // every tenth short pattern without \p, \s-like or negated classes gets them, within a
        // time budget; every pattern gets the random strings.
        const cheap = !/\\[pP]\{|\[\^|\\[sSdDwW]/.test(re.source) && java.length < 60;
        if (cheap && index % 10 === 0 && Date.now() < budget) {
          try {
            matching = fc.sample(fc.stringMatching(re, { size: 'xsmall' }), {
              numRuns: 6,
              seed: index,
            });
          } catch {
            // fast-check cannot build strings for lookarounds: random ones only.
          }
        }
        const subjects = [...random, ...matching, ...matching.map((s) => `${s}\n`)];
        return { java, re, subjects };
      });
      const input = cases
        .map((c) => [c.java, ...c.subjects].map((s) => Buffer.from(s).toString('base64')).join(' '))
        .join('\n');
      const output = await new Promise<string>((resolve, reject) => {
        const child = execFile(
          'java',
          ['test/shared/JavaPatternOracle.java'],
          { maxBuffer: 64 << 20 },
          (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
        );
        child.stdin!.end(`${input}\n`);
      });
      const lines = output.split('\n');
      const disagreements: string[] = [];
      let compared = 0;
      cases.forEach((c, i) => {
        const line = lines[i]!;
        if (line === 'E') return; // Java itself rejects it: nothing to agree with
        c.subjects.forEach((s, j) => {
          compared++;
          const ours = c.re.test(s);
          if (line[j] === 'U') return;
          if (ours !== (line[j] === '1')) {
            disagreements.push(`${c.java} on ${JSON.stringify(s)}: Java ${line[j]}, ours ${ours}`);
          }
        });
      });
      expect(compared).toBeGreaterThan(patterns.length * 10);
      console.log(
        `java-pattern: ${compared} (pattern, string) pairs agree with Java (${patterns.length} patterns)`,
      );
      expect(disagreements.slice(0, 20)).toEqual([]);
    },
    300_000,
  );
});
