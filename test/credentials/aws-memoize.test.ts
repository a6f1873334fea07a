import { describe, expect, it } from 'vitest';
import { CredentialsError } from '../../src/errors/index.js';
import {
  AWS_CREDENTIAL_REFRESH_WINDOW_MS,
  AwsCredentials,
  memoizeAwsCredentials,
  needsRefresh,
  staticAwsCredentials,
  validateAwsCredentials,
} from '../../src/credentials/aws.js';
import type { AwsCredentialIdentity } from '../../src/auth/sigv4-types.js';

const T0 = Date.parse('2024-05-01T12:00:00Z');
const MINUTE = 60_000;

function fakeClock(start = T0) {
  let ms = start;
  return {
    now: () => new Date(ms),
    advance(by: number) {
      ms += by;
    },
  };
}

function countingSource(expiresInMs: number | undefined, clock: { now: () => Date }) {
  const source = {
    calls: 0,
    provider: async (): Promise<AwsCredentialIdentity> => {
      source.calls += 1;
      return {
        accessKeyId: `AKID${source.calls}`,
        secretAccessKey: 'secret',
        sessionToken: 'token',
        ...(expiresInMs !== undefined && {
          expiration: new Date(clock.now().getTime() + expiresInMs),
        }),
      };
    },
  };
  return source;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('needsRefresh', () => {
  it.each([
    ['no expiration (long-term keys)', undefined, false],
    ['expires in an hour', 60 * MINUTE, false],
    ['expires just outside the window', AWS_CREDENTIAL_REFRESH_WINDOW_MS, false],
    ['expires just inside the window', AWS_CREDENTIAL_REFRESH_WINDOW_MS - 1, true],
    ['expires now', 0, true],
    ['expired a minute ago', -MINUTE, true],
  ])('%s -> %s', (_name, inMs, expected) => {
    const expiration = inMs === undefined ? undefined : new Date(T0 + inMs);
    expect(needsRefresh(expiration, new Date(T0))).toBe(expected);
  });

  it('uses a five minute window by default, like SDK v3', () => {
    expect(AWS_CREDENTIAL_REFRESH_WINDOW_MS).toBe(300_000);
  });
});

describe('validateAwsCredentials', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'must be an object, got null'],
    ['a string', 'AKID:secret', 'must be an object, got string'],
    ['missing accessKeyId', { secretAccessKey: 's' }, 'accessKeyId is missing or empty'],
    ['empty accessKeyId', { accessKeyId: '', secretAccessKey: 's' }, 'accessKeyId is missing'],
    [
      'numeric accessKeyId',
      { accessKeyId: 1, secretAccessKey: 's' },
      'accessKeyId must be a string, got number',
    ],
    ['missing secretAccessKey', { accessKeyId: 'A' }, 'secretAccessKey is missing or empty'],
    [
      'array secretAccessKey',
      { accessKeyId: 'A', secretAccessKey: ['x'] },
      'secretAccessKey must be a string, got array',
    ],
    [
      'numeric sessionToken',
      { accessKeyId: 'A', secretAccessKey: 's', sessionToken: 7 },
      'sessionToken must be a string, got number',
    ],
    [
      'string expiration',
      { accessKeyId: 'A', secretAccessKey: 's', expiration: '2030-01-01T00:00:00Z' },
      'expiration must be a valid Date, got string',
    ],
    [
      'invalid Date expiration',
      { accessKeyId: 'A', secretAccessKey: 's', expiration: new Date(NaN) },
      'expiration must be a valid Date, got Date',
    ],
  ])('rejects %s, naming the field and the source', (_name, value, message) => {
    expect(() => validateAwsCredentials(value, 'provider "test"')).toThrow(CredentialsError);
    expect(() => validateAwsCredentials(value, 'provider "test"')).toThrow(message);
    expect(() => validateAwsCredentials(value, 'provider "test"')).toThrow('provider "test"');
  });

  it.each(['', null])('treats a sessionToken of %j as none', (sessionToken) => {
    const credentials = validateAwsCredentials(
      { accessKeyId: 'A', secretAccessKey: 's', sessionToken, expiration: null },
      'test',
    );
    expect(credentials.sessionToken).toBeUndefined();
    expect(credentials.expiration).toBeUndefined();
  });

  it('keeps every field of a valid identity', () => {
    const expiration = new Date(T0);
    const credentials = validateAwsCredentials(
      { accessKeyId: 'A', secretAccessKey: 's', sessionToken: 't', expiration },
      'test',
    );
    expect(credentials).toBeInstanceOf(AwsCredentials);
    expect([
      credentials.accessKeyId,
      credentials.secretAccessKey,
      credentials.sessionToken,
    ]).toEqual(['A', 's', 't']);
    expect(credentials.expiration).toBe(expiration);
  });
});

describe('staticAwsCredentials', () => {
  it('returns the same validated credentials on every call', async () => {
    const provider = staticAwsCredentials({ accessKeyId: 'AKID', secretAccessKey: 'secret' });
    const first = await provider();
    expect(first.accessKeyId).toBe('AKID');
    expect(first.secretAccessKey).toBe('secret');
    expect(await provider()).toBe(first);
  });

  it('rejects invalid credentials when it is created', () => {
    expect(() => staticAwsCredentials({ accessKeyId: 'AKID', secretAccessKey: '' })).toThrow(
      'AWS credentials from static credentials: secretAccessKey is missing or empty',
    );
  });

  it('raises once a fixed expiration has passed', async () => {
    const clock = fakeClock();
    const provider = staticAwsCredentials(
      { accessKeyId: 'A', secretAccessKey: 's', expiration: new Date(T0 + MINUTE) },
      { now: clock.now },
    );
    await expect(provider()).resolves.toBeInstanceOf(AwsCredentials);
    clock.advance(MINUTE);
    await expect(provider()).rejects.toThrow('expired at 2024-05-01T12:01:00.000Z');
  });
});

describe('memoizeAwsCredentials', () => {
  it('calls a provider without expiration once', async () => {
    const clock = fakeClock();
    const source = countingSource(undefined, clock);
    const provider = memoizeAwsCredentials(source.provider, { now: clock.now });
    await provider();
    clock.advance(1000 * 24 * 60 * MINUTE);
    await provider();
    expect(source.calls).toBe(1);
  });

  it('calls the provider again only once the expiration is within five minutes', async () => {
    const clock = fakeClock();
    const source = countingSource(60 * MINUTE, clock);
    const provider = memoizeAwsCredentials(source.provider, { now: clock.now });

    expect((await provider()).accessKeyId).toBe('AKID1');
    clock.advance(55 * MINUTE); // 5 minutes left: not yet inside the window
    expect((await provider()).accessKeyId).toBe('AKID1');
    expect(source.calls).toBe(1);

    clock.advance(1); // 4:59.999 left
    expect((await provider()).accessKeyId).toBe('AKID2');
    expect(source.calls).toBe(2);
    expect((await provider()).accessKeyId).toBe('AKID2');
    expect(source.calls).toBe(2);
  });

  it('honours a custom refresh window', async () => {
    const clock = fakeClock();
    const source = countingSource(60 * MINUTE, clock);
    const provider = memoizeAwsCredentials(source.provider, {
      now: clock.now,
      refreshWindowMs: 30 * MINUTE,
    });
    await provider();
    clock.advance(29 * MINUTE);
    await provider();
    expect(source.calls).toBe(1);
    clock.advance(2 * MINUTE);
    await provider();
    expect(source.calls).toBe(2);
  });

  it('shares one in-flight fetch among concurrent callers', async () => {
    const pending = deferred<AwsCredentialIdentity>();
    let calls = 0;
    const provider = memoizeAwsCredentials(() => {
      calls += 1;
      return pending.promise;
    });
    const results = Promise.all([provider(), provider(), provider(), provider(), provider()]);
    pending.resolve({ accessKeyId: 'A', secretAccessKey: 's' });
    const [first, ...rest] = await results;
    expect(calls).toBe(1);
    for (const other of rest) expect(other).toBe(first);
  });

  it('shares one in-flight refresh when cached credentials enter the window', async () => {
    const clock = fakeClock();
    const source = countingSource(10 * MINUTE, clock);
    const provider = memoizeAwsCredentials(source.provider, { now: clock.now });
    await provider();
    clock.advance(6 * MINUTE);
    const refreshed = await Promise.all([provider(), provider(), provider()]);
    expect(source.calls).toBe(2);
    expect(refreshed.map((c) => c.accessKeyId)).toEqual(['AKID2', 'AKID2', 'AKID2']);
  });

  it('gives a failure to every waiting caller and tries again on the next call', async () => {
    let calls = 0;
    const provider = memoizeAwsCredentials(async () => {
      calls += 1;
      if (calls === 1) throw new Error('network down');
      return { accessKeyId: 'A', secretAccessKey: 's' };
    });
    const outcomes = await Promise.allSettled([provider(), provider()]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'A' });
    expect(calls).toBe(2);
  });

  it('wraps a foreign failure in CredentialsError naming the source, its message left to the cause', async () => {
    const cause = new Error('Could not load credentials from any providers');
    const provider = memoizeAwsCredentials(
      async () => {
        throw cause;
      },
      { sourceName: 'fromIni' },
    );
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toBe('AWS fromIni failed (see cause)');
    expect((error as Error).cause).toBe(cause);
  });

  it('passes a CredentialsError from the source through unchanged', async () => {
    const original = new CredentialsError('profile "x" not found');
    const provider = memoizeAwsCredentials(async () => {
      throw original;
    });
    await expect(provider()).rejects.toBe(original);
  });

  it('rejects a provider result of the wrong shape, naming the provider', async () => {
    async function myLoader() {
      return { accessKeyId: 'A' } as AwsCredentialIdentity;
    }
    await expect(memoizeAwsCredentials(myLoader)()).rejects.toThrow(
      'AWS credentials from credentials provider myLoader: secretAccessKey is missing or empty',
    );
  });

  it('rejects credentials that have already expired', async () => {
    const clock = fakeClock();
    const provider = memoizeAwsCredentials(
      async () => ({ accessKeyId: 'A', secretAccessKey: 's', expiration: new Date(T0 - 1) }),
      { now: clock.now, sourceName: 'test provider' },
    );
    await expect(provider()).rejects.toThrow(
      'AWS credentials from test provider expired at 2024-05-01T11:59:59.999Z',
    );
  });

  it('fetches again on forceRefresh', async () => {
    const clock = fakeClock();
    const source = countingSource(undefined, clock);
    const provider = memoizeAwsCredentials(source.provider, { now: clock.now });
    await provider();
    expect((await provider({ forceRefresh: true })).accessKeyId).toBe('AKID2');
    expect(source.calls).toBe(2);
  });

  it('returns a provider it already memoized as is', () => {
    const provider = memoizeAwsCredentials(async () => ({
      accessKeyId: 'A',
      secretAccessKey: 's',
    }));
    expect(memoizeAwsCredentials(provider)).toBe(provider);
  });
});
