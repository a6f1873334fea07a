/**
 * The importer's typed errors. Each names the spec or shape and the rule, so a maintainer can
 * act on it without reading the importer.
 */

/** A model feature the generator cannot express yet; never silently dropped (issue 12). */
export class UnsupportedModelFeatureError extends Error {
  override readonly name = 'UnsupportedModelFeatureError';
  constructor(
    readonly shape: string,
    readonly feature: string,
  ) {
    super(`shape ${shape}: ${feature} is not supported by the generator yet`);
  }
}

/** Bad input to the importer itself: a model, an overlay, a manifest or a command-line flag. */
export class ImportInputError extends Error {
  override readonly name = 'ImportInputError';
}
