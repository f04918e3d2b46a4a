export { createLlmClient, type LlmClient, type LlmConfig, type LlmMessage, llmBaseUrl } from './client.ts';
export { FieldStream } from './message-stream.ts';
export { completeValidated, describeLlmFailure, InvalidLlmOutput, parseAs } from './validated.ts';
