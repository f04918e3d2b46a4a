export { createLlmClient, type LlmClient, type LlmConfig, type LlmMessage, llmBaseUrl } from './client.ts';
export { completeValidated, describeLlmFailure, InvalidLlmOutput, parseAs } from './validated.ts';
