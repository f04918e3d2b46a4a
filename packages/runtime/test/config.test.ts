import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadConfig,
  memoryConfigSchema,
  orchestratorConfigSchema,
  toolsConfigSchema,
} from '../src/index.ts';

describe('config', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(memoryConfigSchema, {});
    expect(c.MEMORY_GRPC_PORT).toBe(50052);
    expect(c.EMBEDDING_MODEL_DIM).toBe(384);
    expect(c.QDRANT_URL).toBeUndefined();
    expect(loadConfig(orchestratorConfigSchema, {}).HITL_TTL_SECONDS).toBe(600);
  });

  it('parses booleans strictly', () => {
    expect(loadConfig(toolsConfigSchema, { ALLOW_RESTRICTED_COMMANDS: 'true' }).ALLOW_RESTRICTED_COMMANDS).toBe(true);
    expect(loadConfig(toolsConfigSchema, { ALLOW_RESTRICTED_COMMANDS: '0' }).ALLOW_RESTRICTED_COMMANDS).toBe(false);
    expect(() => loadConfig(toolsConfigSchema, { ALLOW_RESTRICTED_COMMANDS: 'maybe' })).toThrow(
      /ALLOW_RESTRICTED_COMMANDS: expected true or false \(got "maybe"\)/,
    );
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig(memoryConfigSchema, { MEMORY_GRPC_PORT: '70000', QDRANT_URL: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect(String(err)).toMatch(/MEMORY_GRPC_PORT: expected a port number/);
      expect(String(err)).toMatch(/QDRANT_URL: expected a URL/);
    }
  });
});
