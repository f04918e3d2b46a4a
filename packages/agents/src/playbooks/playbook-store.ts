import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CodedError, describeIssues, Playbook, type PlaybookList } from '@pagi/contracts';
import { parse, stringify } from 'yaml';

const MAX_FILE_BYTES = 256 * 1024;
const HISTORY = '.history';

/** Reads and checks one playbook file: the playbook, or why not (shown next to the file's name). */
export function readPlaybook(file: string): { playbook: Playbook } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { error: `cannot be read: ${(err as Error).message}` };
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES} bytes` };
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    return { error: `not valid YAML: ${(err as Error).message.split('\n')[0]}` };
  }
  const parsed = Playbook.safeParse(doc);
  if (!parsed.success) return { error: describeIssues(parsed.error) };
  const name = path.basename(file).replace(/\.ya?ml$/, '');
  if (parsed.data.name !== name) return { error: `names itself ${parsed.data.name}, but must be named ${name}` };
  return { playbook: parsed.data };
}

/**
 * Playbooks as reviewable YAML files, one per playbook, in the owner's folder (written here) and the fleet's (what
 * Consensus Sync applied; read only). Saving a playbook that exists raises its version and keeps the previous file
 * under `.history/`; deleting keeps it there too.
 */
export class PlaybookStore {
  private readonly dir: string;
  private readonly readOnly: string[];

  constructor(dir: string, readOnly: string[] = []) {
    this.dir = dir;
    this.readOnly = readOnly;
  }

  list(): PlaybookList {
    const found = new Map<string, PlaybookList['playbooks'][number]>();
    const errors: PlaybookList['errors'] = [];
    for (const dir of [...this.readOnly, this.dir]) {
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()) {
        const file = path.join(dir, name);
        const read = readPlaybook(file);
        if ('error' in read) errors.push({ file, message: read.error });
        else found.set(read.playbook.name, { ...read.playbook, file });
      }
    }
    return { playbooks: [...found.values()].sort((a, b) => a.name.localeCompare(b.name)), errors };
  }

  get(name: string): Playbook {
    const found = this.list().playbooks.find((p) => p.name === name);
    if (!found) throw new CodedError('not_found', `there is no playbook named "${name}"`);
    const { file: _file, ...playbook } = found;
    return playbook;
  }

  /** Writes the playbook (version 1, or one more than the stored one) and returns it as stored. */
  save(input: Playbook): Playbook {
    const parsed = Playbook.safeParse(input);
    if (!parsed.success) throw new CodedError('invalid_request', describeIssues(parsed.error));
    const file = this.fileOf(parsed.data.name);
    const previous = existsSync(file) ? readPlaybook(file) : null;
    const version = previous && 'playbook' in previous ? previous.playbook.version + 1 : 1;
    const playbook: Playbook = { ...parsed.data, version };
    mkdirSync(path.join(this.dir, HISTORY), { recursive: true });
    if (previous) this.keep(file);
    // Written whole, then renamed over the old file: a reader never sees half a playbook.
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, stringify(playbook, { lineWidth: 120 }));
    renameSync(tmp, file);
    return playbook;
  }

  delete(name: string): void {
    const file = this.fileOf(name);
    if (!existsSync(file)) {
      const fleet = this.list().playbooks.some((p) => p.name === name);
      throw new CodedError(
        fleet ? 'forbidden' : 'not_found',
        fleet
          ? `"${name}" is the fleet's playbook; change it through Consensus Sync`
          : `there is no playbook named "${name}"`,
      );
    }
    mkdirSync(path.join(this.dir, HISTORY), { recursive: true });
    this.keep(file);
    rmSync(file);
  }

  private keep(file: string): void {
    const read = readPlaybook(file);
    const version = 'playbook' in read ? read.playbook.version : 0;
    const base = path.basename(file, '.yaml');
    writeFileSync(path.join(this.dir, HISTORY, `${base}.v${version}.${Date.now()}.yaml`), readFileSync(file));
  }

  private fileOf(name: string): string {
    return path.join(this.dir, `${name}.yaml`);
  }
}
