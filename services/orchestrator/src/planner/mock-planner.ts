import type { LLMAction } from '@pagi/contracts';
import { DOMAINS, type Domain } from '@pagi/contracts';
import { splitArgv } from './argv.ts';

const MEMORY_PATTERNS = [
  /^(?:please\s+|can you\s+|could you\s+)?(?:search|query|check|look\s+(?:through|in))\s+(?:in\s+)?(?:my\s+|the\s+)?(?:memory|memories|notes|knowledge(?:\s+base)?)\s+(?:for|about|on)\s+(.+)$/i,
  /^what\s+do\s+(?:i|we|you)\s+(?:know|remember|have)\s+(?:about|on)\s+(.+)$/i,
  /^recall\s+(?:anything\s+about\s+)?(.+)$/i,
];
const TOOL_PATTERN = /^(?:please\s+)?(?:run|execute)\s+(?:the\s+(?:tool|command)\s+)?(.+)$/i;
const DOMAIN_SUFFIX = /\s+in\s+(?:my\s+|the\s+)?(mind|body|heart|soul)(?:\s+domain)?$/i;
/** Markers that an old client protocol used as approvals; here they are plain text and approve nothing. */
const APPROVAL_MARKERS = /\[(?:TOOL_EXECUTED|MEMORY_SHOWN)\]/i;

/** Written in Markdown, as the chat renders answers: the phrasings it understands as a table. */
const HELP = [
  'I can answer you directly, search your memory, or run a tool — and I ask before I search or run anything.',
  '',
  '| To | Say |',
  '| --- | --- |',
  '| search your memory | `search my memory for <topic>` |',
  '| recall what you know | `what do I know about <topic>` |',
  '| run a tool | `run <command> <args>` |',
].join('\n');

function stripWrapping(text: string): string {
  return text
    .trim()
    .replace(/[?.!]+$/, '')
    .replace(/^[`"'](.*)[`"']$/s, '$1')
    .trim();
}

/**
 * The deterministic planner used offline (LLM_PROVIDER=mock or no key) and when the LLM fails: plain phrasings
 * map to the three actions so every path of the product can be demonstrated and tested without a model.
 */
export function mockDecide(message: string): LLMAction {
  const text = message.trim();
  if (APPROVAL_MARKERS.test(text)) {
    return {
      action: 'respond',
      message:
        'Approvals are only accepted through the approval card of a pending action; a message in the chat never ' +
        'approves or runs anything.',
    };
  }
  for (const pattern of MEMORY_PATTERNS) {
    const m = pattern.exec(text);
    if (!m?.[1]) continue;
    let query = stripWrapping(m[1]);
    let domains: Domain[] | undefined;
    const d = DOMAIN_SUFFIX.exec(query);
    if (d?.[1]) {
      domains = [d[1].toLowerCase() as Domain];
      query = query.slice(0, d.index).trim();
    }
    if (query) return { action: 'query_memory', query, top_k: 5, ...(domains ? { domains } : {}) };
  }
  const run = TOOL_PATTERN.exec(text);
  if (run?.[1]) {
    const argv = splitArgv(stripWrapping(run[1]));
    if (argv === null) {
      return { action: 'respond', message: 'That command has an unterminated quote, so I did not plan to run it.' };
    }
    const [tool, ...args] = argv;
    if (tool) return { action: 'execute_tool', tool_name: tool, args, reason: 'requested in the chat' };
  }
  return { action: 'respond', message: respondTo(text) };
}

function respondTo(text: string): string {
  if (/^(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))\b/i.test(text)) return `Hello! ${HELP}`;
  if (/^(?:help|\?|what can you do)/i.test(text)) return HELP;
  if (/\b(?:domains?|mind|body|heart|soul)\b/i.test(text) && /\bwhat\b/i.test(text)) {
    return `Your knowledge is sorted into four domains: ${DOMAINS.join(', ')}. ${HELP}`;
  }
  const quoted = text.length > 120 ? `${text.slice(0, 119)}…` : text;
  return `You said: "${quoted}". I'm running with the offline planner, so I answer from fixed rules. ${HELP}`;
}
