import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AgentTemplate, describeIssues } from '@pagi/contracts';
import { parse } from 'yaml';

/** Largest template file read; a role prompt is a few kilobytes. */
const MAX_FILE_BYTES = 64 * 1024;

/** Reads and checks one template file: the template, or why not (fit to show next to the file's name). */
export function readTemplate(file: string): { template: AgentTemplate } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { error: `cannot be read: ${(err as Error).message}` };
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES} bytes` };
  return parseTemplate(text, path.basename(file).replace(/\.ya?ml$/, ''));
}

/** Checks a template's text; `name` is the name it must carry (its file's, or the fleet proposal's target). */
export function parseTemplate(text: string, name: string): { template: AgentTemplate } | { error: string } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    return { error: `not valid YAML: ${(err as Error).message.split('\n')[0]}` };
  }
  const parsed = AgentTemplate.safeParse(doc);
  if (!parsed.success) return { error: describeIssues(parsed.error) };
  if (parsed.data.name !== name) return { error: `names itself ${parsed.data.name}, but must be named ${name}` };
  return { template: parsed.data };
}
