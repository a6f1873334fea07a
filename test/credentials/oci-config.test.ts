import { describe, expect, it } from 'vitest';
import { ociProfileSettings, parseOciConfig } from '../../src/credentials/oci-config.js';
import { CredentialsError } from '../../src/errors/index.js';

const settings = (text: string, profile: string) =>
  Object.fromEntries(ociProfileSettings(parseOciConfig(text, 'cfg'), profile));

describe('parseOciConfig', () => {
  it('reads sections and key=value lines, trimmed', () => {
    expect(settings('[DEFAULT]\n  user = u1  \nregion=us-ashburn-1\n', 'DEFAULT')).toEqual({
      user: 'u1',
      region: 'us-ashburn-1',
    });
  });

  it('splits at the first "=" so values may contain "="', () => {
    expect(settings('[DEFAULT]\npass_phrase=a=b==\n', 'DEFAULT')).toEqual({ pass_phrase: 'a=b==' });
  });

  it('ignores # comment lines and blank lines, keeps "#" inside values', () => {
    const text = '# top\n\n[DEFAULT]\n   # indented comment\n\nuser=u#1 # not a comment\n';
    expect(settings(text, 'DEFAULT')).toEqual({ user: 'u#1 # not a comment' });
  });

  it('tolerates CRLF line endings and a byte-order mark', () => {
    expect(settings('\uFEFF[DEFAULT]\r\nuser=u\r\nregion=r\r\n', 'DEFAULT')).toEqual({
      user: 'u',
      region: 'r',
    });
  });

  it('trims spaces inside the section brackets', () => {
    expect(settings('[ dev ]\nuser=u\n', 'dev')).toEqual({ user: 'u' });
  });

  it('merges repeated sections and keeps the last value of a repeated key', () => {
    expect(settings('[p]\na=1\nb=1\n[q]\n[p]\nb=2\n', 'p')).toEqual({ a: '1', b: '2' });
  });

  it('keeps an empty value as the empty string', () => {
    expect(settings('[p]\npass_phrase=\n', 'p')).toEqual({ pass_phrase: '' });
  });

  it.each([
    [
      'a line without "="',
      '[DEFAULT]\nuser=u\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n',
      /cfg line 3: malformed line/,
    ],
    ['an empty profile name', '[DEFAULT]\n[ ]\n', /cfg line 2: empty profile name/],
    ['a line with no key', '[p]\n = v\n', /cfg line 2: line has "=" but no key/],
    [
      'a key before any profile',
      '\nuser=u\n[p]\n',
      /cfg line 2: key "user" appears before any \[PROFILE\] header/,
    ],
  ])('rejects %s with the file and line number', (_, text, message) => {
    expect(() => parseOciConfig(text, 'cfg')).toThrow(CredentialsError);
    expect(() => parseOciConfig(text, 'cfg')).toThrow(message);
  });

  it('never quotes the malformed line, which could be a pasted secret', () => {
    expect(() => parseOciConfig('[p]\nhunter2-secret\n', 'cfg')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('ociProfileSettings', () => {
  const text = '[DEFAULT]\nuser=du\nregion=dr\n[dev]\nuser=devu\n[ops]\nregion=or\n';

  it('takes keys the profile lacks from [DEFAULT]', () => {
    expect(settings(text, 'dev')).toEqual({ user: 'devu', region: 'dr' });
    expect(settings(text, 'ops')).toEqual({ user: 'du', region: 'or' });
  });

  it('works without a [DEFAULT] section', () => {
    expect(settings('[dev]\nuser=u\n', 'dev')).toEqual({ user: 'u' });
  });

  it('profile names are case-sensitive', () => {
    expect(() => settings(text, 'DEV')).toThrow(/profile "DEV" not found/);
  });

  it('an unknown profile lists the available profile names', () => {
    expect(() => settings(text, 'prod')).toThrow(
      'profile "prod" not found in cfg (available profiles: DEFAULT, dev, ops)',
    );
  });

  it('an empty file has no profiles, not even DEFAULT', () => {
    expect(() => settings('', 'DEFAULT')).toThrow('(available profiles: none)');
  });
});
