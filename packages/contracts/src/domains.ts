import { z } from 'zod';

/** The four knowledge domains. */
export const DOMAINS = ['mind', 'body', 'heart', 'soul'] as const;
export const Domain = z.enum(DOMAINS);
export type Domain = z.infer<typeof Domain>;

export const DOMAIN_DESCRIPTIONS: Record<Domain, string> = {
  mind: 'technical specifications, APIs, code',
  body: 'telemetry, logs, performance data',
  heart: 'user preferences, personas, personalization',
  soul: 'security, governance, ethics',
};
