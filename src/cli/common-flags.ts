/**
 * The options every `list` command may take, as data; each command names the ones it accepts
 * in its `common` list.
 */
import type { CommonFlag, CommonFlagName } from './command-model.js';

/** Common options in help order. */
export const COMMON_FLAGS: readonly CommonFlag[] = [
  {
    flag: 'region',
    kind: 'string',
    placeholder: 'REGION',
    description: 'Region (default: AWS_REGION / profile for AWS, OCI_REGION / profile for OCI)',
  },
  {
    flag: 'profile',
    kind: 'string',
    placeholder: 'NAME',
    description: 'Profile of ~/.aws/config (AWS) or ~/.oci/config (OCI)',
  },
  {
    flag: 'endpoint-url',
    kind: 'string',
    placeholder: 'URL',
    description: "Send requests to URL instead of the region's endpoint (e.g. a local emulator)",
  },
  {
    flag: 'max-items',
    kind: 'string',
    placeholder: 'N',
    description: 'Stop after N sessions and print a resume token if more remain',
  },
  {
    flag: 'starting-token',
    kind: 'string',
    placeholder: 'TOKEN',
    description: 'Continue a listing from the resume token an earlier --max-items run printed',
  },
  {
    flag: 'page-size',
    kind: 'string',
    placeholder: 'N',
    description: 'Sessions requested per call (where the API has a page-size parameter)',
  },
  {
    flag: 'output',
    kind: 'string',
    short: 'o',
    placeholder: 'FORMAT',
    description: 'table (default), json or ndjson',
  },
  { flag: 'no-retries', kind: 'boolean', description: 'Make one attempt per request, no retries' },
  {
    flag: 'validation',
    kind: 'string',
    placeholder: 'MODE',
    description:
      "default (botocore's checks: required, types, minimums) or strict (also patterns, maximums, enums)",
  },
  {
    flag: 'debug',
    kind: 'boolean',
    description: 'Log every request (method, URL, status; secrets redacted) to stderr',
  },
];

/** Options of the cloud APIs (AWS and OCI), which have regions, profiles and endpoints. */
export const CLOUD_COMMON: readonly CommonFlagName[] = [
  'region',
  'profile',
  'endpoint-url',
  'max-items',
  'starting-token',
  'output',
  'no-retries',
  'validation',
  'debug',
];
