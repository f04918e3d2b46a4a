import { describe, expect, it } from 'vitest';
import { DETECTORS, MAX_REDACT_CHARS, REDACTION_TYPES, redact } from '../src/index.ts';

describe('redact', () => {
  it('replaces each finding with its typed placeholder and counts them by type, in the type list order', () => {
    const r = redact('Mail ana@example.org or bob@example.com, call +44 20 7946 0958.');
    expect(r.text).toBe('Mail [EMAIL] or [EMAIL], call [PHONE].');
    expect(r.redactions).toEqual([
      { type: 'EMAIL', count: 2 },
      { type: 'PHONE', count: 1 },
    ]);
  });

  it('leaves text without findings as it is, with no redactions', () => {
    const text = 'Upgraded to 24.1.0; p99 48 ms on port 8182.';
    expect(redact(text)).toEqual({ text, redactions: [] });
    expect(redact('')).toEqual({ text: '', redactions: [] });
  });

  it('never redacts a placeholder again: redacting twice changes nothing', () => {
    const once = redact('Dr. Priya Raman, priya@example.org, DOB 1980-02-01, key AKIAIOSFODNN7EXAMPLE');
    expect(once.text).toBe('Dr. [PERSON], [EMAIL], DOB [DATE_OF_BIRTH], key [API_KEY]');
    expect(redact(once.text)).toEqual({ text: once.text, redactions: [] });
    // Placeholders a person typed are left alone and not counted.
    expect(redact('[EMAIL] [PERSON] [API_KEY]').redactions).toEqual([]);
  });

  it('takes a structured secret whole before a smaller detector sees its parts', () => {
    const url = 'postgres://app:S3cr3t-pass@10.1.2.3:5432/app';
    expect(redact(url).text).toBe('postgres://app:[PASSWORD]@[IP_ADDRESS]:5432/app');
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZW1haWwiOiJhQGIuY29tIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(redact(`token ${jwt}`)).toEqual({ text: 'token [JWT]', redactions: [{ type: 'JWT', count: 1 }] });
  });

  it('uses only the placeholders of the type list', () => {
    const r = redact('ssh 10.0.0.7 with AKIAIOSFODNN7EXAMPLE, mail x@example.org, card 4111 1111 1111 1111');
    for (const { type } of r.redactions) expect(REDACTION_TYPES).toContain(type);
    expect(r.text.match(/\[[A-Z_]+\]/g)).toEqual(['[IP_ADDRESS]', '[API_KEY]', '[EMAIL]', '[CARD_NUMBER]']);
  });

  it('can run with a chosen set of detectors', () => {
    const withoutNames = DETECTORS.filter((d) => d.name !== 'person-name');
    expect(redact('Met Sarah Connor at 10.0.0.7', withoutNames).text).toBe('Met Sarah Connor at [IP_ADDRESS]');
    expect(redact('Met Sarah Connor at 10.0.0.7').text).toBe('Met [PERSON] at [IP_ADDRESS]');
  });

  it('refuses a text over the size bound with payload_too_large', () => {
    expect(() => redact('a'.repeat(MAX_REDACT_CHARS + 1))).toThrow(
      expect.objectContaining({ code: 'payload_too_large' }),
    );
  });

  it('stays linear on 1 MB inputs built to make regexes backtrack', () => {
    const fill = (unit: string) => unit.repeat(Math.ceil(MAX_REDACT_CHARS / unit.length)).slice(0, MAX_REDACT_CHARS);
    const units = [
      'a',
      '1',
      '1 ',
      '1-',
      'a@',
      '1.',
      'a:',
      '+1 ',
      'eyJ',
      'password: ',
      'born ',
      'aB3+',
      '1.1.1.',
      '0 1',
    ];
    units.push('12 Baker ', 'DE89 ', 'key= ', 'a.', ' ', 'Aa ', '-----BEGIN PRIVATE KEY-----');
    const slowest = { unit: '', ms: 0 };
    for (const unit of units) {
      const started = performance.now();
      redact(fill(unit));
      const ms = performance.now() - started;
      if (ms > slowest.ms) Object.assign(slowest, { unit, ms });
    }
    // A catastrophic regex takes minutes here; the slowest of these takes about a second on a busy 2-core machine.
    expect(slowest.ms, `slowest: ${JSON.stringify(slowest.unit)}`).toBeLessThan(8_000);
  }, 120_000);
});
