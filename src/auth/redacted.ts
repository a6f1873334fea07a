/**
 * Base class of the objects that hold secrets (credentials, signers): `util.inspect` shows what
 * `inspectRedacted` returns, never a field.
 *
 * Why a base class rather than the hook in each class: the hook is a computed member,
 * `[Symbol.for('nodejs.util.inspect.custom')]`, and esbuild keeps any class with a computed
 * member it cannot prove pure, used or not. In the one-module runtime a bundler tree-shakes by
 * statement, so the OCI signer stayed in every Athena browser bundle (+2.5 KB min+gzip). Declared
 * once here, the subclasses can be dropped again.
 */
export abstract class Redacted {
  /**
   * What `util.inspect` shows. Node passes its `inspect` and options so that a subclass can
   * format a redacted record the way Node would.
   */
  protected abstract inspectRedacted(
    depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ): string;

  [Symbol.for('nodejs.util.inspect.custom')](
    depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ): string {
    return this.inspectRedacted(depth, options, inspect);
  }
}
