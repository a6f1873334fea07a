/**
 * Two element maps (flatten.ts) -> the list of changes between them, unclassified. An element
 * added or removed together with its parent is folded into the parent's change: a new member of
 * object type is one change, not one per nested property.
 */
import type { Direction, Element, ElementKind, ElementMap, Fact } from './flatten.js';

export interface Change {
  client: string;
  path: string;
  kind: ElementKind;
  direction?: Direction;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`: the fact that differs (`required`, `maxLength`, `description`, ...). */
  aspect?: string;
  before?: Fact;
  after?: Fact;
  /** For added/removed members: whether the member is (was) required. */
  required?: boolean;
}

export function compareElements(client: string, before: ElementMap, after: ElementMap): Change[] {
  const changes: Change[] = [];
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const path of paths) {
    const old = before.get(path);
    const now = after.get(path);
    if (old && now) changes.push(...compareFacts(client, old, now));
    else if (now && !(now.parent && !before.has(now.parent) && after.has(now.parent))) {
      changes.push(presence(client, now, 'added'));
    } else if (old && !now && !(old.parent && !after.has(old.parent) && before.has(old.parent))) {
      changes.push(presence(client, old, 'removed'));
    }
  }
  return changes;
}

function presence(client: string, e: Element, change: 'added' | 'removed'): Change {
  const c: Change = { client, path: e.path, kind: e.kind, change };
  if (e.direction) c.direction = e.direction;
  if (e.kind === 'member') c.required = e.facts.required === true;
  return c;
}

function compareFacts(client: string, old: Element, now: Element): Change[] {
  const aspects = [...new Set([...Object.keys(old.facts), ...Object.keys(now.facts)])].sort();
  const changes: Change[] = [];
  for (const aspect of aspects) {
    const before = old.facts[aspect];
    const after = now.facts[aspect];
    if (before === after) continue;
    const c: Change = { client, path: now.path, kind: now.kind, change: 'changed', aspect };
    if (now.direction) c.direction = now.direction;
    if (before !== undefined) c.before = before;
    if (after !== undefined) c.after = after;
    changes.push(c);
  }
  return changes;
}
