import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as kit from '../src/index.ts';

const envExample = readFileSync(path.join(kit.repoRoot(), '.env.example'), 'utf8');
const documented = new Set([...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

function keysOf(schema: z.ZodType): string[] {
  // Schemas with derived folders are pipes (object → transform); their input object holds the variables.
  const def = (schema as unknown as { def: { type: string; in?: z.ZodType; shape?: object } }).def;
  if (def.type === 'pipe' && def.in) return keysOf(def.in);
  return Object.keys((schema as unknown as { shape: object }).shape);
}

describe('.env.example', () => {
  const schemas = Object.entries(kit).filter(([name]) => name.endsWith('ConfigSchema'));

  it('covers every service schema', () => {
    expect(schemas.map(([n]) => n).sort()).toEqual([
      'buildConfigSchema',
      'gatewayConfigSchema',
      'memoryConfigSchema',
      'orchestratorConfigSchema',
      'telemetryConfigSchema',
      'toolsConfigSchema',
    ]);
  });

  it.each(schemas)('documents every variable %s reads', (_name, schema) => {
    const missing = keysOf(schema as z.ZodType).filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });

  it.each(schemas)('%s accepts the documented defaults', (_name, schema) => {
    const env = Object.fromEntries([...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(() => kit.loadConfig(schema as z.ZodType, env)).not.toThrow();
  });
});
