// swagger2openapi ships no types; this is the one call the importer makes (its README, "API").
declare module 'swagger2openapi' {
  const swagger2openapi: {
    convertObj(
      swagger: Record<string, unknown>,
      options: { patch?: boolean; warnOnly?: boolean },
    ): Promise<{ openapi: Record<string, any> }>;
  };
  export default swagger2openapi;
}
