// The shapes every part of the platform agrees on. zod only: the browser imports this and nothing else of the backend.
export * from './agent-runs.ts';
export * from './agents.ts';
export * from './auth.ts';
export * from './chat.ts';
export * from './consensus.ts';
export * from './domains.ts';
export * from './errors.ts';
export * from './exchange.ts';
export * from './ids.ts';
export * from './knowledge.ts';
export * from './memory.ts';
export * from './mesh.ts';
export * from './platform.ts';
export * from './sharing.ts';
export * from './tool-policy.ts';
export * from './turn-events.ts';
export * from './ws.ts';
