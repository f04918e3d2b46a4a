import { EventEmitter } from 'node:events';
import { existsSync, type FSWatcher, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import type { AgentTemplate, AgentTemplateList } from '@pagi/contracts';
import { readTemplate } from './template-file.ts';

// Every agent template the twin knows: the shipped and the owner's (config/agents/), then the fleet's (what Consensus
// Sync applied), a later source replacing an earlier one of the same name. Each folder is watched; an edit is picked up
// at once. A file that does not load is listed with its reason and never hides the others.

export interface TemplateSource {
  dir: string;
  origin: 'config' | 'fleet';
}

type Listed = AgentTemplateList['templates'][number];

export class TemplateRegistry extends EventEmitter<{ change: [] }> {
  private readonly sources: TemplateSource[];
  private templates = new Map<string, Listed>();
  private errors: AgentTemplateList['errors'] = [];
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(sources: TemplateSource[]) {
    super();
    this.sources = sources;
    this.load();
  }

  /** Reads every source again. */
  load(): void {
    const templates = new Map<string, Listed>();
    const errors: AgentTemplateList['errors'] = [];
    for (const { dir, origin } of this.sources) {
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()) {
        const file = path.join(dir, name);
        const read = readTemplate(file);
        if ('error' in read) errors.push({ file, message: read.error });
        else templates.set(read.template.name, { ...read.template, origin, file });
      }
    }
    this.templates = templates;
    this.errors = errors;
    this.emit('change');
  }

  list(): AgentTemplateList {
    const templates = [...this.templates.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { templates, errors: this.errors };
  }

  get(name: string): AgentTemplate | undefined {
    return this.templates.get(name);
  }

  /** Reloads shortly after any change in a source folder (the folders that exist now). */
  watch(debounceMs = 100): void {
    for (const { dir } of this.sources) {
      if (!existsSync(dir)) continue;
      const w = watch(dir, { persistent: false }, () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.load(), debounceMs);
      });
      w.on('error', () => undefined);
      this.watchers.push(w);
    }
  }

  close(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers.splice(0)) w.close();
  }
}
