import { describe, expect, it } from 'vitest';
import { redact } from '../src/index.ts';

// Credentials: one expectation per shape a person pastes into a note, and the look-alikes each detector must leave.
const out = (text: string) => redact(text).text;

describe('private keys', () => {
  it('takes a PEM block whole, and a block cut off before its END line up to the blank line', () => {
    const block =
      '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oY3ZcEJ+4a0ZoAoGCCqGSM49\n-----END EC PRIVATE KEY-----';
    expect(out(`key:\n${block}\nthanks`)).toBe('key:\n[PRIVATE_KEY]\nthanks');
    expect(out('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n\nnext note')).toBe(
      '[PRIVATE_KEY]\n\nnext note',
    );
  });

  it('leaves public keys and talk about keys', () => {
    const pub = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq4Xb3WvJ2kPz8RZt6cLmN0dYfH5sQe1rTuVwXyZaBc me@laptop';
    expect(out(pub)).toBe(pub);
    expect(out('-----BEGIN PUBLIC KEY----- is how the file starts')).toBe(
      '-----BEGIN PUBLIC KEY----- is how the file starts',
    );
  });
});

describe('API keys of known shapes', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE'],
    ['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'],
    ['xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1'],
    ['sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['sk-proj-abc123DEF456ghi789JKL012mno345'],
    ['AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
    ['npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'],
    ['glpat-Xk9vR2mQ7pL4sT8wZ1yB'],
  ])('%s', (key) => {
    expect(redact(`the key is ${key} ok`)).toEqual({
      text: 'the key is [API_KEY] ok',
      redactions: [{ type: 'API_KEY', count: 1 }],
    });
  });

  it('keeps a Slack webhook host readable and leaves prefixes without a key', () => {
    expect(out('https://hooks.slack.com/services/T0ABCDEFG/B0ABCDEFGHI/aBcDeFgHiJkLmNoPqRsTuVwX')).toBe(
      'https://hooks.slack.com/services/[API_KEY]',
    );
    expect(out('sk-learn-pipeline-configuration-guide and key-value stores')).toBe(
      'sk-learn-pipeline-configuration-guide and key-value stores',
    );
  });
});

describe('passwords', () => {
  it.each([
    ['password: hunter2', 'password: [PASSWORD]'],
    ['DB_PASSWORD=Tr0ub4dor&3', 'DB_PASSWORD=[PASSWORD]'],
    ['Server=db;User Id=sa;Password=Winter2023!;Encrypt=True', 'Server=db;User Id=sa;Password=[PASSWORD];Encrypt=True'],
    ['the wifi password is CorrectHorse42', 'the wifi password is [PASSWORD]'],
    ['mot de passe : Soleil-2024', 'mot de passe : [PASSWORD]'],
    ['mysql -u root -pS3cret! app', 'mysql -u root -p[PASSWORD] app'],
    ['smtp password: "a b c 1"', 'smtp password: "[PASSWORD]"'],
    ['redis://:authpass123@cache:6379', 'redis://:[PASSWORD]@cache:6379'],
    ['PIN: 4821', 'PIN: [PASSWORD]'],
  ])('%s', (text, expected) => expect(out(text)).toBe(expected));

  it('leaves stand-ins and prose about passwords', () => {
    for (const text of [
      'password: ********',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template variable written in a note
      'password: ${DB_PASSWORD}',
      'password: required',
      'the password is stored in the vault',
      'PASSWORD_MIN_LENGTH=12',
      'postgres://user:<password>@localhost/db',
      'boarding pass: seat 12B',
    ]) {
      expect(out(text)).toBe(text);
    }
  });
});

describe('labelled and high-entropy secrets', () => {
  it('takes random values after a secret label, after Bearer / Basic, and long random tokens anywhere', () => {
    expect(out('TWILIO_AUTH_TOKEN=9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c')).toBe('TWILIO_AUTH_TOKEN=[SECRET]');
    expect(out('Authorization: Basic YWRtaW46czNjcjN0UGFzcw==')).toBe('Authorization: Basic [SECRET]');
    expect(out('creds AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(
      'creds [API_KEY] / [SECRET]',
    );
  });

  it('leaves hashes that say what they are, UUIDs, integrity strings and identifiers', () => {
    for (const text of [
      'commit 3f2a9c1e4b5d6f7a8b9c0d1e2f3a4b5c6d7e8f90',
      'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'ticket 3fa85f64-5717-4562-b3fc-2c963f66afa6',
      'integrity sha512-85UdvzTNx/+s5CkSgBm/0hzP80RFHAa7PsfeADE5ezZF3uHz3/Tqj9gIKGT9PTtpycc3Ua64T0oVulGfKxzfqg==',
      'see src/components/UserProfileCard2.tsx and getUserAccountSettingsById',
      'token: required, api key rotation every 90 days',
    ]) {
      expect(out(text)).toBe(text);
    }
  });
});
