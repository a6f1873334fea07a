/**
 * The shape of `generated/services.ts`, the registry `npm run generate` writes from specs/ for
 * the CLI's `call` command (scripts/generator/emit-registry.ts). Declared once here, by hand:
 * the generator and the generated file both import it, so the two cannot drift apart.
 */

/** One operation of a generated client. */
export interface RegistryOperation {
  readonly name: string;
  /** The client method. */
  readonly method: string;
  readonly members: ReadonlyArray<{ readonly name: string; readonly required: boolean }>;
  /** Whether a `paginate<Operation>` exists. */
  readonly paginated: boolean;
}

/** One generated client. */
export interface RegistryService {
  /** `cloud-sessions/<subpath>`: the spec's file name without `.yaml`. */
  readonly subpath: string;
  readonly clientClass: string;
  readonly title: string;
  /** `x-auth.scheme` of the spec: sigv4, oci-signature-v1, header-token. */
  readonly auth: string;
  readonly operations: readonly RegistryOperation[];
}
