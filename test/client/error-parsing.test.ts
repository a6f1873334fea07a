import { describe, expect, it } from 'vitest';
import { identifyError, sanitizeErrorCode, type Protocol } from '../../src/client/error-parsing.js';

describe('sanitizeErrorCode', () => {
  it.each([
    ['ValidationException', 'ValidationException'],
    ['com.amazonaws.athena#InvalidRequestException', 'InvalidRequestException'],
    [
      'ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/',
      'ValidationException',
    ],
    ['aws.protocoltests.restjson#FooError:http://internal.amazon.com/', 'FooError'],
    ['  Spaced  ', 'Spaced'],
  ])('%s -> %s', (raw, code) => expect(sanitizeErrorCode(raw)).toBe(code));
});

describe('identifyError lookup order per protocol', () => {
  const table: Array<[Protocol, number, Record<string, string>, unknown, string, string]> = [
    ['awsJson1_1', 400, {}, { __type: 'a#X', message: 'm' }, 'X', 'm'],
    [
      'awsJson1_1',
      400,
      { 'x-amzn-errortype': 'Header' },
      { __type: 'Body', Message: 'M' },
      'Body',
      'M',
    ],
    ['awsJson1_1', 400, { 'x-amzn-errortype': 'Header' }, { code: 'Code' }, 'Code', 'HTTP 400'],
    ['awsJson1_1', 400, { 'x-amzn-errortype': 'Header:uri' }, {}, 'Header', 'HTTP 400'],
    [
      'restJson1',
      404,
      { 'x-amzn-errortype': 'ResourceNotFoundException:u' },
      { code: 'SPECIFIC', message: 'gone' },
      'ResourceNotFoundException',
      'gone',
    ],
    [
      'restJson1',
      404,
      {},
      { code: 'ResourceNotFoundException' },
      'ResourceNotFoundException',
      'HTTP 404',
    ],
    ['restJson1', 404, {}, { Code: 'Upper' }, 'Upper', 'HTTP 404'],
    ['restJson1', 404, {}, { __type: 'ns#Typed' }, 'Typed', 'HTTP 404'],
    ['ociRest', 401, {}, { code: 'NotAuthenticated', message: 'no' }, 'NotAuthenticated', 'no'],
    [
      'restJson',
      404,
      {},
      { message: 'Session not found', reason: null },
      '404',
      'Session not found',
    ],
    ['ociRest', 502, {}, '<html>Bad Gateway</html>', '502', 'HTTP 502: <html>Bad Gateway</html>'],
    ['restJson1', 503, {}, '', '503', 'HTTP 503'],
  ];
  for (const [protocol, status, headers, body, code, message] of table) {
    it(`${protocol} ${status} ${JSON.stringify(headers)} ${JSON.stringify(body)} -> ${code}`, () => {
      expect(identifyError(protocol, status, headers, body)).toEqual({ code, message });
    });
  }
});
