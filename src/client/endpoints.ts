import { ConfigurationError } from '../errors/index.js';

/** Endpoint templates from a spec's `x-endpoints`. */
export interface EndpointTemplates {
  partitions: 'aws' | 'oci' | 'none';
  default?: string;
  fips?: string;
  dualStack?: string;
  fipsDualStack?: string;
}

export interface EndpointOptions {
  region?: string | undefined;
  /** Overrides the templates; always wins (AWS ruleset parameter `Endpoint`). */
  endpoint?: string | URL | undefined;
  useFipsEndpoint?: boolean | undefined;
  useDualstackEndpoint?: boolean | undefined;
}

interface Partition {
  dnsSuffix: string;
  dualStackDnsSuffix?: string;
  supportsFips: boolean;
}

/**
 * AWS partitions as in the endpoint ruleset's partitions.json: China regions use
 * amazonaws.com.cn, GovCloud keeps amazonaws.com, the ISO partitions have FIPS but no dual-stack.
 */
function awsPartition(region: string): Partition {
  if (region.startsWith('cn-')) {
    return {
      dnsSuffix: 'amazonaws.com.cn',
      dualStackDnsSuffix: 'api.amazonwebservices.com.cn',
      supportsFips: true,
    };
  }
  if (region.startsWith('us-isob-')) return { dnsSuffix: 'sc2s.sgov.gov', supportsFips: true };
  if (region.startsWith('us-iso-')) return { dnsSuffix: 'c2s.ic.gov', supportsFips: true };
  return { dnsSuffix: 'amazonaws.com', dualStackDnsSuffix: 'api.aws', supportsFips: true };
}

/** OCI realms: `{secondLevelDomain}` per realm, as oci-common's Realm table (OC1 by default). */
const OCI_REALM_DOMAINS: ReadonlyArray<[prefix: string, domain: string]> = [
  ['us-langley-', 'oraclegovcloud.com'],
  ['us-luke-', 'oraclegovcloud.com'],
  ['us-gov-', 'oraclegovcloud.com'],
  ['uk-gov-', 'oraclegovcloud.uk'],
];

function ociSecondLevelDomain(region: string): string {
  for (const [prefix, domain] of OCI_REALM_DOMAINS) if (region.startsWith(prefix)) return domain;
  return 'oraclecloud.com';
}

const REGION_PATTERN = /^[a-z0-9-]+$/;

/** Resolves the base URL for a client, following the AWS endpoint ruleset's rule order. */
export function resolveEndpoint(templates: EndpointTemplates, options: EndpointOptions): string {
  const { endpoint, useFipsEndpoint, useDualstackEndpoint } = options;
  if (endpoint !== undefined) {
    if (useFipsEndpoint) {
      throw new ConfigurationError(
        'Invalid Configuration: FIPS and custom endpoint are not supported',
      );
    }
    if (useDualstackEndpoint) {
      throw new ConfigurationError(
        'Invalid Configuration: Dualstack and custom endpoint are not supported',
      );
    }
    const url = typeof endpoint === 'string' ? parseEndpoint(endpoint) : endpoint;
    checkEndpointUrl(url);
    return url.href.replace(/\/+$/, '');
  }
  const region = options.region;
  if (!region) throw new ConfigurationError('Invalid Configuration: Missing Region');
  if (!REGION_PATTERN.test(region)) {
    throw new ConfigurationError(`Invalid Configuration: region "${region}" is not a valid region`);
  }
  if (templates.partitions === 'oci') {
    const template = required(templates.default, 'default');
    return fill(template, { region, secondLevelDomain: ociSecondLevelDomain(region) });
  }
  if (templates.partitions === 'none') {
    throw new ConfigurationError('Invalid Configuration: this service needs an explicit endpoint');
  }
  const partition = awsPartition(region);
  let template: string | undefined;
  if (useFipsEndpoint && useDualstackEndpoint) {
    if (!partition.dualStackDnsSuffix) {
      throw new ConfigurationError(
        'FIPS and DualStack are enabled, but this partition does not support one or both',
      );
    }
    template = templates.fipsDualStack;
  } else if (useFipsEndpoint) {
    template = templates.fips;
  } else if (useDualstackEndpoint) {
    if (!partition.dualStackDnsSuffix) {
      throw new ConfigurationError(
        'DualStack is enabled but this partition does not support DualStack',
      );
    }
    template = templates.dualStack;
  } else {
    template = templates.default;
  }
  return fill(required(template, 'endpoint variant'), {
    region,
    dnsSuffix: partition.dnsSuffix,
    dualStackDnsSuffix: partition.dualStackDnsSuffix ?? '',
  });
}

function parseEndpoint(endpoint: string): URL {
  try {
    return new URL(endpoint);
  } catch {
    throw new ConfigurationError(`Invalid Configuration: endpoint "${endpoint}" is not a URL`);
  }
}

/**
 * Only `http:` and `https:` endpoints can carry these APIs; anything else (`file:`, `data:`,
 * `javascript:`) is a configuration error at construction instead of a retried network error
 * on every call (issue 16). A query or fragment would be cut off or mangled by path joining,
 * and user info would be sent to the host in clear and printed in logs.
 */
function checkEndpointUrl(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      `Invalid Configuration: endpoint must be an http: or https: URL (got ${url.protocol})`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigurationError(
      'Invalid Configuration: endpoint must not have a query string or fragment',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigurationError(
      'Invalid Configuration: endpoint must not carry user info (pass credentials in the client options)',
    );
  }
}

function required(template: string | undefined, what: string): string {
  if (!template) throw new ConfigurationError(`The spec defines no ${what} endpoint template`);
  return template;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}
