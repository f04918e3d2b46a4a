import { describe, expect, it } from 'vitest';
import { dniValid, ibanValid, luhnValid } from '../src/checksums.ts';

describe('check digits', () => {
  it('Luhn: accepts issued test cards and rejects one digit off', () => {
    for (const card of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117']) {
      expect(luhnValid(card)).toBe(true);
      const last = Number(card.at(-1));
      expect(luhnValid(card.slice(0, -1) + String((last + 1) % 10))).toBe(false);
    }
    expect(luhnValid('046454286')).toBe(true);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111-1111')).toBe(false);
  });

  it('IBAN mod-97: accepts registry examples and rejects a changed digit or swapped neighbours', () => {
    for (const iban of ['DE89370400440532013000', 'GB82WEST12345698765432', 'FR1420041010050500013M02606']) {
      expect(ibanValid(iban)).toBe(true);
    }
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('DE89370400440532010300')).toBe(false);
    expect(ibanValid('DE8937040044')).toBe(false);
    expect(ibanValid('de89370400440532013000')).toBe(false);
  });

  it('DNI: the letter must be the one the number names', () => {
    expect(dniValid('12345678Z')).toBe(true);
    expect(dniValid('12345678A')).toBe(false);
    expect(dniValid('1234567Z')).toBe(false);
  });
});
