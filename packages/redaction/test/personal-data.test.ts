import { describe, expect, it } from 'vitest';
import { redact } from '../src/index.ts';

// Personal data: what each detector takes, and the figures next to it that must stay.
const out = (text: string) => redact(text).text;
const unchanged = (...texts: string[]) => {
  for (const text of texts) expect(out(text)).toBe(text);
};

describe('e-mail, phone, IP', () => {
  it('takes addresses and leaves package@version', () => {
    expect(out('mail J.Doe+news@Mail.Example.CO.UK today')).toBe('mail [EMAIL] today');
    unchanged('pinned lodash@4.17.21 and @types/node@20.11.5', 'ssh git@host without a domain');
  });

  it('takes phone numbers as people write them, not order numbers or part numbers', () => {
    expect(out('+1 (415) 555-0132 / (212) 555-0199 / 415.555.0148')).toBe('[PHONE] / [PHONE] / [PHONE]');
    expect(out('+49 (0)89 1234 5678, 0176 23456789, 06 12 34 56 78')).toBe('[PHONE], [PHONE], [PHONE]');
    expect(out('call 555-0142 later')).toBe('call [PHONE] later');
    unchanged('order #112-4567890-1234567', 'PO 4500012345', 'ISBN 978-0-13-468599-1', 'due 03/15/2025 at 09:45:30');
  });

  it('takes host addresses, not loopback, versions, OIDs, times or Rust paths', () => {
    expect(out('ssh 10.20.30.40 or 2001:db8:85a3::8a2e:370:7334')).toBe('ssh [IP_ADDRESS] or [IP_ADDRESS]');
    unchanged(
      'http://127.0.0.1:3000 and 0.0.0.0:50058 and [::1]:80',
      'firmware 2.1.0.7, section 3.2.1.4, OID 1.3.6.1.2.1.1.3.0, build 10.0.19045.3803',
      'at 09:45:30, ratio 16:9, std::collections::HashMap, MAC 00:1A:2B:3C:4D:5E',
      'netmask 255.255.255.0',
    );
  });
});

describe('cards and bank accounts', () => {
  it('takes Luhn-valid card numbers printed as cards are, with the security code', () => {
    expect(redact('Visa 4111 1111 1111 1111, CVV 123').redactions).toEqual([{ type: 'CARD_NUMBER', count: 2 }]);
    expect(out('amex 3782-822463-10005 and 5555555555554444')).toBe('amex [CARD_NUMBER] and [CARD_NUMBER]');
    expect(out('on 2024 4111 1111 1111 1111')).toBe('on 2024 [CARD_NUMBER]');
  });

  it('leaves numbers that fail Luhn or have no issuer or are grouped otherwise', () => {
    unchanged('4111 1111 1111 1112', 'epoch 1712345678901', 'EAN 4006381333931', 'ids 4111 111 1111 1111');
  });

  it('takes IBANs that pass mod-97, grouped or not, and leaves those that fail', () => {
    expect(out('IBAN DE89 3704 0044 0532 0130 00 RENT')).toBe('IBAN [IBAN] RENT');
    expect(out('to GB82WEST12345698765432.')).toBe('to [IBAN].');
    unchanged('IBAN DE89 3704 0044 0532 0130 01', 'BIC DEUTDEFF');
  });
});

describe('identity numbers, birth dates, addresses', () => {
  it('takes national ids by shape or label', () => {
    expect(out('SSN 536-22-8147; NI JG 10 37 29 B; DNI 12345678Z')).toBe(
      'SSN [NATIONAL_ID]; NI [NATIONAL_ID]; DNI [NATIONAL_ID]',
    );
    expect(out('Passport no. C01X00T47 and BSN 111222333')).toBe('Passport no. [NATIONAL_ID] and BSN [NATIONAL_ID]');
    unchanged('ref 12345678A is not a DNI', 'the passport is valid until May', 'ticket 666-12-3456');
  });

  it('takes a date after birth words and leaves other dates', () => {
    expect(out('born on July 4, 1936; DOB 1987-03-14; geboren am 12.05.1990; born in 1984')).toBe(
      'born on [DATE_OF_BIRTH]; DOB [DATE_OF_BIRTH]; geboren am [DATE_OF_BIRTH]; born in [DATE_OF_BIRTH]',
    );
    unchanged('meeting on 2024-05-14', 'release date 14 March 2024', 'Born-again cluster rebuilt on 2024-02-29');
  });

  it('takes street addresses with their city and postcode, not streets without a number', () => {
    expect(out('to 221B Baker Street, London NW1 6XE today')).toBe('to [POSTAL_ADDRESS] today');
    expect(out('at 1600 Amphitheatre Parkway, Mountain View, CA 94043.')).toBe('at [POSTAL_ADDRESS].');
    expect(out('Hauptstraße 5, 10115 Berlin')).toBe('[POSTAL_ADDRESS]');
    expect(out('au 12 rue de la Paix, 75002 Paris')).toBe('au [POSTAL_ADDRESS]');
    unchanged('parking on Main Street', 'Highway 101 near exit 418', 'Route 66', 'Spring 2024 planning');
  });
});

describe('names', () => {
  it('takes full names, titled names and unambiguous first names', () => {
    expect(out('Met Sarah Connor and Dr. Priya Raman.')).toBe('Met [PERSON] and Dr. [PERSON].');
    expect(out("Email Anna about Sam's flat")).toBe("Email [PERSON] about [PERSON]'s flat");
  });

  it('leaves products, places, months, surnames in technical terms and title-case headings', () => {
    unchanged(
      'Spring Boot 3.2 behind Nginx; Redis Cluster for sessions.',
      'Will do. May is busy, so June 3 works better.',
      "Kafka lag and Dijkstra's algorithm",
      '## Quarterly Business Review With Finance And Legal',
      'Cassandra cluster and the Ada compiler',
      'the grace period is 30 days; Chase Bank charges a fee',
    );
  });
});
