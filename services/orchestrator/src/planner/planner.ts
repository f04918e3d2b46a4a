import { type ActionResult, CodedError, LLMAction, type PlannerInfo } from '@pagi/contracts';
import type { LlmClient, LlmMessage } from '@pagi/llm';
import { completeValidated, describeLlmFailure } from '@pagi/llm';
import type { Logger } from '@pagi/runtime';
import { z } from 'zod';
import { resultForLlm, sourcesFooter, templateAnswer } from './answers.ts';
import { mockDecide } from './mock-planner.ts';

export interface HistoryTurn {
  message: string;
  response: string;
}

export interface PlanContext {
  systemPrompt: string;
  history: HistoryTurn[];
  message: string;
  /** Tools the twin may run, when known; helps the LLM pick valid names. */
  tools?: string[];
}

export interface Plan {
  action: LLMAction;
  /** The decision as JSON text, exactly as the planner produced it (audit and transparency). */
  raw: string;
  info: PlannerInfo;
}

const HISTORY_TURNS = 8;
const FinalAnswer = z.object({ action: z.literal('respond'), message: z.string().min(1) });
const ACTION_FORMAT = '{"action":"respond"|"query_memory"|"execute_tool", ...} as the system prompt describes';

/**
 * Turns a message into exactly one typed action. With an LLM: JSON mode, one repair attempt when the output is not
 * valid JSON or does not match the schema, then the mock planner with the reason in `info`. Without: the mock planner.
 */
export class Planner {
  private readonly llm: LlmClient | null;
  private readonly logger: Logger;
  private readonly timeoutMs: number;

  constructor(deps: { llm: LlmClient | null; logger: Logger; timeoutMs: number }) {
    this.llm = deps.llm;
    this.logger = deps.logger;
    this.timeoutMs = deps.timeoutMs;
  }

  get provider(): 'openrouter' | 'mock' {
    return this.llm ? 'openrouter' : 'mock';
  }

  get model(): string {
    return this.llm?.model ?? 'mock';
  }

  /** `onText` gets a direct answer's text as the model writes it (the planning call is streamed). */
  async decide(ctx: PlanContext, onText?: (text: string) => void, signal?: AbortSignal): Promise<Plan> {
    if (!this.llm) {
      const action = mockDecide(ctx.message);
      return { action, raw: JSON.stringify(action), info: { provider: 'mock', fallback: false } };
    }
    const messages = this.baseMessages(ctx);
    messages.push({ role: 'user', content: ctx.message });
    try {
      const { value, raw } = await completeValidated(this.llm, messages, LLMAction, {
        ...this.opts(ACTION_FORMAT),
        onMessage: onText,
        signal,
      });
      return { action: value, raw, info: { provider: 'openrouter', model: this.llm.model, fallback: false } };
    } catch (err) {
      // Stopped by the person: nothing more is said, by the model or by the offline planner.
      if (signal?.aborted) throw new CodedError('cancelled', 'stopped');
      const reason = describeLlmFailure(err);
      this.logger.warn({ reason }, 'LLM planning failed: falling back to the mock planner');
      const action = mockDecide(ctx.message);
      return {
        action,
        raw: JSON.stringify(action),
        info: { provider: 'mock', model: this.llm.model, fallback: true, fallback_reason: reason },
      };
    }
  }

  /** The final answer after an approved action ran; memory citations are numbered as the results are. */
  async answer(
    ctx: PlanContext & { decisionRaw: string; result: ActionResult },
    onText?: (text: string) => void,
    signal?: AbortSignal,
  ): Promise<{ text: string; info: PlannerInfo }> {
    const footer = ctx.result.kind === 'query_memory' ? sourcesFooter(ctx.result.results) : '';
    if (!this.llm) return { text: templateAnswer(ctx.result) + footer, info: { provider: 'mock', fallback: false } };
    const messages = this.baseMessages(ctx);
    messages.push(
      { role: 'user', content: ctx.message },
      { role: 'assistant', content: ctx.decisionRaw },
      {
        role: 'user',
        content:
          `The person approved that action and it ran.\n${resultForLlm(ctx.result)}\n\n` +
          'Now answer the person with {"action":"respond","message":"..."}; cite memories you use as [1], [2], … ' +
          'in the order given, and do not invent sources.',
      },
    );
    try {
      const { value } = await completeValidated(this.llm, messages, FinalAnswer, {
        ...this.opts('{"action":"respond","message":"..."}'),
        onMessage: onText,
        signal,
      });
      return { text: value.message + footer, info: { provider: 'openrouter', model: this.llm.model, fallback: false } };
    } catch (err) {
      const stopped = signal?.aborted === true;
      const reason = stopped ? 'stopped by the person' : describeLlmFailure(err);
      // The turn is still recorded, with the answer written without the model.
      if (stopped) this.logger.info('answer stopped: recording the template answer');
      else this.logger.warn({ reason }, 'LLM answer failed: using the template answer');
      return {
        text: templateAnswer(ctx.result) + footer,
        info: { provider: 'mock', model: this.llm.model, fallback: true, fallback_reason: reason },
      };
    }
  }

  private opts(format: string) {
    return { timeoutMs: this.timeoutMs, logger: this.logger, format };
  }

  private baseMessages(ctx: PlanContext): LlmMessage[] {
    const tools = ctx.tools?.length ? `\n\nAvailable tools: ${ctx.tools.join(', ')}.` : '';
    const messages: LlmMessage[] = [{ role: 'system', content: ctx.systemPrompt + tools }];
    for (const t of ctx.history.slice(-HISTORY_TURNS)) {
      // Past answers are shown in the same JSON form the model is asked to produce.
      messages.push(
        { role: 'user', content: t.message },
        { role: 'assistant', content: JSON.stringify({ action: 'respond', message: t.response }) },
      );
    }
    return messages;
  }
}
