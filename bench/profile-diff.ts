/**
 * Compares two `.cpuprofile`s of the same workload (e.g. the fetch baseline and this package),
 * per function, in microseconds of self time per request: where the second spends more.
 * Usage: profile-diff.ts <baseline.cpuprofile> <baseline-requests> <other.cpuprofile> <other-requests> [top=40]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function place(url: string): string {
  if (url === '') return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0)
    return url
      .slice(nm + 'node_modules/'.length)
      .split('/')
      .slice(0, 2)
      .join('/');
  const m = /\/work\/main\/(.*)$/.exec(url);
  return m ? m[1]! : url.replace('node:internal/deps/', '');
}

function selfByFunction(file: string): Map<string, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') return;
    const key = `${functionName || '(anonymous)'}  ${place(url)}:${lineNumber + 1}`;
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return out;
}

const [baseFile, baseCount, otherFile, otherCount, topText] = process.argv.slice(2);
if (!baseFile || !otherFile) throw new Error('see usage');
const base = selfByFunction(baseFile);
const other = selfByFunction(otherFile);
const perBase = Number(baseCount);
const perOther = Number(otherCount);
const keys = new Set([...base.keys(), ...other.keys()]);
const rows = [...keys].map((k) => {
  const b = (base.get(k) ?? 0) / perBase;
  const o = (other.get(k) ?? 0) / perOther;
  return { k, b, o, d: o - b };
});
const sum = (m: Map<string, number>, n: number): number =>
  [...m.values()].reduce((a, v) => a + v, 0) / n;
console.log(
  `busy µs/request: baseline ${sum(base, perBase).toFixed(0)}, other ${sum(other, perOther).toFixed(0)}`,
);
console.log('   diff     base    other  function');
for (const r of rows.sort((a, b) => b.d - a.d).slice(0, Number(topText ?? 40))) {
  console.log(
    `${r.d.toFixed(1).padStart(7)} ${r.b.toFixed(1).padStart(8)} ${r.o.toFixed(1).padStart(8)}  ${r.k}`,
  );
}
