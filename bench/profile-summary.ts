/**
 * Summarizes a `.cpuprofile`: self time by function and by file or package, so the cost of one
 * contender can be split into fetch/undici, crypto, JSON, our runtime and the rest.
 * Usage: profile-summary.ts <file.cpuprofile> [top=40]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topText] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(topText ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) =>
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  if (url === '') return '(native/V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const m = /\/work\/main\/(.*)$/.exec(url);
  return m ? m[1]! : url;
}

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const place = where(url);
  const key = `${functionName || '(anonymous)'}  ${place}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const group = place.startsWith('node:internal/deps/undici') ? 'undici (fetch)' : place;
  byPlace.set(group, (byPlace.get(group) ?? 0) + us);
}
const pct = (us: number): string => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`);
console.log('\nself time by file / package:');
for (const [k, v] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(v), k);
console.log('\nself time by function:');
for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(pct(v), k);
