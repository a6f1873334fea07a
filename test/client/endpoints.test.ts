import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolveEndpoint, type EndpointTemplates } from '../../src/client/endpoints.js';
import { ConfigurationError } from '../../src/errors/index.js';

const athena: EndpointTemplates = {
  partitions: 'aws',
  default: 'https://athena.{region}.{dnsSuffix}',
  fips: 'https://athena-fips.{region}.{dnsSuffix}',
  dualStack: 'https://athena.{region}.{dualStackDnsSuffix}',
  fipsDualStack: 'https://athena-fips.{region}.{dualStackDnsSuffix}',
};
const nimble: EndpointTemplates = {
  partitions: 'aws',
  default: 'https://nimble.{region}.{dnsSuffix}',
  fips: 'https://nimble-fips.{region}.{dnsSuffix}',
  dualStack: 'https://nimble.{region}.{dualStackDnsSuffix}',
  fipsDualStack: 'https://nimble-fips.{region}.{dualStackDnsSuffix}',
};
const contracts = JSON.parse(readFileSync('test/fixtures/aws-contracts.json', 'utf8'));

describe('endpoint ruleset examples from the contracts', () => {
  const services: Array<[string, EndpointTemplates]> = [
    ['athena.ListNotebookSessions', athena],
    ['nimble.ListStreamingSessions', nimble],
  ];
  for (const [key, templates] of services) {
    for (const [example, url] of Object.entries<string>(
      contracts.operations[key].endpoints.examples,
    )) {
      it(`${key.split('.')[0]} ${example} -> ${url}`, () => {
        const [region, ...flags] = example.split('+');
        expect(
          resolveEndpoint(templates, {
            region,
            useFipsEndpoint: flags.includes('fips'),
            useDualstackEndpoint: flags.includes('dualstack'),
          }),
        ).toBe(url.replace(/\/$/, ''));
      });
    }
  }
});

describe('endpoint rules', () => {
  const table: Array<[string, Parameters<typeof resolveEndpoint>[1], string | RegExp]> = [
    [
      'custom endpoint wins',
      { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566/' },
      'http://127.0.0.1:4566',
    ],
    [
      'custom endpoint keeps its path',
      { endpoint: 'https://proxy.example/api/' },
      'https://proxy.example/api',
    ],
    [
      'FIPS with a custom endpoint',
      { endpoint: 'http://x', useFipsEndpoint: true },
      /FIPS and custom endpoint/,
    ],
    [
      'dual-stack with a custom endpoint',
      { endpoint: 'http://x', useDualstackEndpoint: true },
      /Dualstack and custom endpoint/,
    ],
    ['no region', {}, /Missing Region/],
    ['malformed region', { region: 'us-east-1/evil' }, /not a valid region/],
    ['malformed endpoint', { endpoint: 'not a url' }, /not a URL/],
    [
      'ISO partition has no dual-stack',
      { region: 'us-iso-east-1', useDualstackEndpoint: true },
      /does not support DualStack/,
    ],
    [
      'ISO partition FIPS',
      { region: 'us-iso-east-1', useFipsEndpoint: true },
      'https://athena-fips.us-iso-east-1.c2s.ic.gov',
    ],
    [
      'GovCloud keeps amazonaws.com',
      { region: 'us-gov-west-1' },
      'https://athena.us-gov-west-1.amazonaws.com',
    ],
  ];
  for (const [what, options, expected] of table) {
    it(what, () => {
      if (typeof expected === 'string') expect(resolveEndpoint(athena, options)).toBe(expected);
      else expect(() => resolveEndpoint(athena, options)).toThrow(expected);
    });
  }

  it('throws ConfigurationError, one of the package errors', () => {
    expect(() => resolveEndpoint(athena, {})).toThrow(ConfigurationError);
  });

  it('fills the OCI realm domain', () => {
    const oci: EndpointTemplates = {
      partitions: 'oci',
      default: 'https://aidp.{region}.oci.{secondLevelDomain}',
    };
    expect(resolveEndpoint(oci, { region: 'us-ashburn-1' })).toBe(
      'https://aidp.us-ashburn-1.oci.oraclecloud.com',
    );
    expect(resolveEndpoint(oci, { region: 'uk-gov-london-1' })).toBe(
      'https://aidp.uk-gov-london-1.oci.oraclegovcloud.uk',
    );
  });

  it('requires an endpoint where the spec has no templates', () => {
    expect(() => resolveEndpoint({ partitions: 'none' }, { region: 'x' })).toThrow(
      /explicit endpoint/,
    );
  });
});
