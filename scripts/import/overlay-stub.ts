/**
 * The overlay a new AWS service starts with: what no botocore model carries, filled with the
 * conventions every AWS JSON service follows (endpoints from `endpointPrefix`, the standard
 * partitions' FIPS and dual-stack hosts, x-amzn-RequestId). A maintainer checks it once.
 */
import YAML from 'yaml';

/** `Amazon CloudWatch Logs` / serviceId `CloudWatch Logs` -> `CloudWatchLogs`. */
export function clientName(serviceId: string): string {
  return serviceId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

export function overlayStub(service: string, metadata: Record<string, any>): string {
  const prefix = metadata.endpointPrefix ?? service;
  const overlay = {
    overlay: '1.0.0',
    info: {
      title: `${metadata.serviceId ?? service} facts outside the botocore model`,
      version: '1.0.0',
    },
    'x-import': { upstream: service, operations: [] as string[] },
    actions: [
      {
        target: '$',
        description:
          'Stub written by `npm run import -- --add`; check the endpoints against endpoint-rule-set-1.json.',
        update: {
          'x-client': { name: clientName(metadata.serviceId ?? service) },
          'x-retry': 'aws',
          'x-request-id-header': 'x-amzn-RequestId',
          'x-endpoints': {
            partitions: 'aws',
            default: `https://${prefix}.{region}.{dnsSuffix}`,
            fips: `https://${prefix}-fips.{region}.{dnsSuffix}`,
            dualStack: `https://${prefix}.{region}.{dualStackDnsSuffix}`,
            fipsDualStack: `https://${prefix}-fips.{region}.{dualStackDnsSuffix}`,
          },
        },
      },
    ],
  };
  return `# Overlay for ${service} (OpenAPI Overlay 1.0), created by \`npm run import -- --add\`.\n${YAML.stringify(overlay, { lineWidth: 100 })}`;
}
