import type { JSDocStructure, OptionalKind } from 'ts-morph';

/** TSDoc from spec prose; `*\/` cannot appear inside a comment. */
export function docs(text: string | undefined): OptionalKind<JSDocStructure>[] {
  if (!text) return [];
  return [{ description: text.trim().replace(/\*\//g, '*\\/') }];
}

export function quoteKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key).replace(/"/g, "'");
}

/** A TypeScript expression for plain data; `{ __raw }` values are emitted verbatim. */
export function literal(value: unknown): string {
  if (value && typeof value === 'object' && '__raw' in value)
    return (value as { __raw: string }).__raw;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${quoteKey(k)}: ${literal(v)}`);
    return `{ ${entries.join(', ')} }`;
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}
