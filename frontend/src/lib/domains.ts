import { DOMAIN_DESCRIPTIONS, DOMAINS, type Domain } from '@pagi/contracts';

export { DOMAIN_DESCRIPTIONS, DOMAINS, type Domain };

/** Mind blue, Body green, Heart orange, Soul red — used for every domain mark in the app. */
export const DOMAIN_COLORS: Record<Domain, string> = {
  mind: '#4f8cff',
  body: '#34c47c',
  heart: '#ff9838',
  soul: '#ef4a5b',
};

export const DOMAIN_LABELS: Record<Domain, string> = { mind: 'Mind', body: 'Body', heart: 'Heart', soul: 'Soul' };

const UNKNOWN_COLOR = '#8a93a6';

export function asDomain(value: string | null | undefined): Domain | null {
  const v = value?.toLowerCase();
  return v && (DOMAINS as readonly string[]).includes(v) ? (v as Domain) : null;
}

export function domainColor(value: string | null | undefined): string {
  const d = asDomain(value);
  return d ? DOMAIN_COLORS[d] : UNKNOWN_COLOR;
}

export function domainLabel(value: string | null | undefined): string {
  const d = asDomain(value);
  return d ? DOMAIN_LABELS[d] : value || 'Unclassified';
}
