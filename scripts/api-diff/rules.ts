/**
 * The classification rules: one row per kind of change, first match wins (the smithy-diff /
 * oasdiff shape: a table of rules with a severity each, not a chain of ifs). Each row has a test
 * in test/api-diff/rules.test.ts, in both directions where the change has an inverse.
 *
 * Classes, from a caller's side (the app developer who upgrades the package):
 * - breaking-code: a TypeScript app that compiled no longer does (a removed export or member, a
 *   newly required input, a narrowed type).
 * - breaking-wire: the app compiles, but a request that worked may now be refused, locally by the
 *   generated validation or by the server (a tightened constraint, a moved parameter, another
 *   endpoint, protocol or signature).
 * - compatible: nothing that worked stops working (new optional members, new operations, new
 *   enum values, relaxed constraints, new errors).
 * - docs: descriptions and summaries; never breaking.
 *
 * Where a change is both, the stronger class is given. A removed enum value: the generated const
 * object (`StreamingSessionState.READY`) loses the key, so code naming it no longer compiles, and a
 * request carrying it may be refused; breaking-code. That holds for closed unions and for the open
 * ones of issue 14 (`'A' | 'B' | (string & {})`, where the bare literal still type-checks).
 */
import type { Change } from './compare.js';
import { constraintOf, tightens } from './constraints.js';

export type ChangeClass = 'breaking-code' | 'breaking-wire' | 'compatible' | 'docs';

export interface Rule {
  id: string;
  /** What the rule covers and why it has its class; printed by `--rules`. */
  summary: string;
  class: ChangeClass;
  when: (c: Change) => boolean;
}

const DOC_ASPECTS = new Set(['description', 'summary']);
const is =
  (kind: Change['kind'], change: Change['change'], aspect?: string) =>
  (c: Change): boolean =>
    c.kind === kind && c.change === change && (aspect === undefined || c.aspect === aspect);

const NUMERIC = new Set(['integer', 'number']);

export const RULES: readonly Rule[] = [
  {
    id: 'client-added',
    summary: 'A new client (spec file): a new package subpath.',
    class: 'compatible',
    when: is('client', 'added'),
  },
  {
    id: 'client-removed',
    summary: 'A client removed: imports of its subpath no longer resolve.',
    class: 'breaking-code',
    when: is('client', 'removed'),
  },
  {
    id: 'docs',
    summary: 'A description or summary changed: shown in editors, nothing else.',
    class: 'docs',
    when: (c) => c.change === 'changed' && DOC_ASPECTS.has(c.aspect ?? ''),
  },
  {
    id: 'operation-added',
    summary: 'A new operation: a new method on the client.',
    class: 'compatible',
    when: is('operation', 'added'),
  },
  {
    id: 'operation-removed',
    summary: 'An operation removed: calls to its method no longer compile.',
    class: 'breaking-code',
    when: is('operation', 'removed'),
  },
  {
    id: 'operation-http-changed',
    summary: 'An operation moved to another HTTP method or path: sent elsewhere, same code.',
    class: 'breaking-wire',
    when: (c) =>
      is('operation', 'changed')(c) && (c.aspect === 'httpMethod' || c.aspect === 'httpPath'),
  },
  {
    id: 'input-required-added',
    summary: 'A new required input member: calls that omit it no longer compile.',
    class: 'breaking-code',
    when: (c) => is('member', 'added')(c) && c.direction === 'input' && c.required === true,
  },
  {
    id: 'input-optional-added',
    summary: 'A new optional input member.',
    class: 'compatible',
    when: (c) => is('member', 'added')(c) && c.direction === 'input',
  },
  {
    id: 'input-removed',
    summary: 'An input member removed: object literals that set it no longer compile.',
    class: 'breaking-code',
    when: (c) => is('member', 'removed')(c) && c.direction === 'input',
  },
  {
    id: 'output-added',
    summary: 'A new output member: one more property to read.',
    class: 'compatible',
    when: (c) => is('member', 'added')(c) && c.direction === 'output',
  },
  {
    id: 'output-removed',
    summary: 'An output member removed: code that reads it no longer compiles.',
    class: 'breaking-code',
    when: (c) => is('member', 'removed')(c) && c.direction === 'output',
  },
  {
    id: 'input-became-required',
    summary: 'An input member became required: calls that omit it no longer compile.',
    class: 'breaking-code',
    when: (c) =>
      is('member', 'changed', 'required')(c) && c.direction === 'input' && c.after === true,
  },
  {
    id: 'input-became-optional',
    summary: 'An input member became optional.',
    class: 'compatible',
    when: (c) => is('member', 'changed', 'required')(c) && c.direction === 'input',
  },
  {
    id: 'output-became-optional',
    summary: 'An output member may now be absent: its type gains `undefined`.',
    class: 'breaking-code',
    when: (c) =>
      is('member', 'changed', 'required')(c) && c.direction === 'output' && c.after !== true,
  },
  {
    id: 'output-became-required',
    summary: 'An output member is now always present: its type narrows, reads still compile.',
    class: 'compatible',
    when: (c) => is('member', 'changed', 'required')(c) && c.direction === 'output',
  },
  {
    id: 'input-number-became-integer',
    summary: 'An input number became an integer: same TypeScript type, fractions now refused.',
    class: 'breaking-wire',
    when: (c) =>
      is('member', 'changed', 'type')(c) &&
      c.direction === 'input' &&
      c.before === 'number' &&
      c.after === 'integer',
  },
  {
    id: 'numeric-type-same-ts',
    summary: 'integer <-> number otherwise: both are `number` in TypeScript; nothing refused.',
    class: 'compatible',
    when: (c) =>
      is('member', 'changed', 'type')(c) &&
      NUMERIC.has(String(c.before)) &&
      NUMERIC.has(String(c.after)),
  },
  {
    id: 'type-changed',
    summary: 'A member changed type: code written for the old type no longer compiles.',
    class: 'breaking-code',
    when: (c) => (c.kind === 'member' || c.kind === 'schema') && c.aspect === 'type',
  },
  {
    id: 'format-changed',
    summary: 'A string format (uuid, uri, ...) changed: neither typed nor validated by the client.',
    class: 'compatible',
    when: is('member', 'changed', 'format'),
  },
  {
    id: 'timestamp-format-changed',
    summary: 'A timestamp changed wire format: still a `Date`; the client converts either way.',
    class: 'compatible',
    when: (c) =>
      is('member', 'changed')(c) && (c.aspect === 'timestamp' || c.aspect === 'items.timestamp'),
  },
  {
    id: 'input-moved',
    summary:
      'An input member moved (path, query, header, body or wire name): same code, new request.',
    class: 'breaking-wire',
    when: (c) => is('member', 'changed')(c) && (c.aspect === 'location' || c.aspect === 'wireName'),
  },
  {
    id: 'input-constraint-tightened',
    summary:
      'An input constraint tightened (min up, max down, pattern new or changed): values refused.',
    class: 'breaking-wire',
    when: (c) => is('member', 'changed')(c) && c.direction === 'input' && tightens(c),
  },
  {
    id: 'input-constraint-relaxed',
    summary: 'An input constraint relaxed or removed: everything accepted before still is.',
    class: 'compatible',
    when: (c) =>
      is('member', 'changed')(c) && c.direction === 'input' && constraintOf(c) !== undefined,
  },
  {
    id: 'output-constraint-changed',
    summary: 'An output constraint changed: responses are not validated; types are unchanged.',
    class: 'compatible',
    when: (c) =>
      is('member', 'changed')(c) && c.direction === 'output' && constraintOf(c) !== undefined,
  },
  {
    id: 'enum-value-added',
    summary: 'A new enum value (in output: a new case to handle; the issue counts it compatible).',
    class: 'compatible',
    when: is('enum-value', 'added'),
  },
  {
    id: 'enum-value-removed',
    summary:
      'An enum value removed: its key leaves the exported const object; code naming it breaks.',
    class: 'breaking-code',
    when: is('enum-value', 'removed'),
  },
  {
    id: 'schema-added',
    summary: 'A new named type exported.',
    class: 'compatible',
    when: is('schema', 'added'),
  },
  {
    id: 'schema-removed',
    summary: 'A named type removed: imports of it no longer compile.',
    class: 'breaking-code',
    when: is('schema', 'removed'),
  },
  {
    id: 'error-added',
    summary: 'A new modelled error (class and guard exported; it was a generic ServiceError).',
    class: 'compatible',
    when: (c) => (c.kind === 'error' || c.kind === 'operation-error') && c.change === 'added',
  },
  {
    id: 'error-removed',
    summary: 'A modelled error removed: imports of its class or guard no longer compile.',
    class: 'breaking-code',
    when: is('error', 'removed'),
  },
  {
    id: 'operation-error-removed',
    summary: 'An operation no longer lists an error: the class stays exported; nothing breaks.',
    class: 'compatible',
    when: is('operation-error', 'removed'),
  },
  {
    id: 'error-changed',
    summary:
      'An error changed code, status, fault or retry default: matched or retried differently.',
    class: 'breaking-wire',
    when: (c) => (c.kind === 'error' || c.kind === 'operation-error') && c.change === 'changed',
  },
  {
    id: 'paginator-added',
    summary: 'A new paginate<Operation> function.',
    class: 'compatible',
    when: is('paginator', 'added'),
  },
  {
    id: 'paginator-removed',
    summary: 'A paginator removed: paginate<Operation> no longer exists.',
    class: 'breaking-code',
    when: is('paginator', 'removed'),
  },
  {
    id: 'paginator-result-changed',
    summary: 'A paginator yields other items or lost pageSize: code typed for them breaks.',
    class: 'breaking-code',
    when: (c) =>
      is('paginator', 'changed')(c) &&
      (c.aspect === 'resultKey' || (c.aspect === 'limitKey' && c.after === undefined)),
  },
  {
    id: 'paginator-tokens-changed',
    summary: 'A paginator reads or sends other token members, or gained pageSize.',
    class: 'compatible',
    when: is('paginator', 'changed'),
  },
  {
    id: 'endpoint-added',
    summary: 'A new endpoint variant (e.g. FIPS) available.',
    class: 'compatible',
    when: is('endpoint', 'added'),
  },
  {
    id: 'endpoint-removed-or-changed',
    summary: 'An endpoint variant removed or re-templated: requests go elsewhere or are refused.',
    class: 'breaking-wire',
    when: (c) => c.kind === 'endpoint',
  },
  {
    id: 'setting-changed',
    summary: 'Protocol, auth scheme, retry family, request-id header or partitions changed.',
    class: 'breaking-wire',
    when: (c) => c.kind === 'setting',
  },
  {
    id: 'unclassified',
    summary: 'Anything no rule above covers: assumed breaking on the wire until a rule is written.',
    class: 'breaking-wire',
    when: () => true,
  },
];

export interface ClassifiedChange extends Change {
  class: ChangeClass;
  rule: string;
}

export function classify(change: Change, rules: readonly Rule[] = RULES): ClassifiedChange {
  const rule = rules.find((r) => r.when(change))!;
  return { ...change, class: rule.class, rule: rule.id };
}
