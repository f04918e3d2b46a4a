import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface AuditEntry {
  twin_id: string;
  tool: string;
  kind?: string;
  args: string[];
  decision: 'executed' | 'refused' | 'failed';
  reason?: string;
  exit_code?: number;
  signal?: string;
  timed_out?: boolean;
  truncated?: boolean;
  sandbox?: string;
  duration_ms?: number;
}

const MAX_ARG_CHARS = 512;

/**
 * Append-only JSON Lines audit of every execution and refusal. One line per event, written synchronously with
 * O_APPEND so lines never interleave and the record exists before the answer is sent; plain text that any log
 * shipper, grep or jq reads, and no native dependency in the service that runs untrusted programs. The file is
 * rotated once (to `.1`) when it passes `maxBytes`.
 */
export class AuditLog {
  private fd: number;
  private size: number;
  private readonly file: string;
  private readonly maxBytes: number;

  constructor(file: string, maxBytes = 64 * 1024 * 1024) {
    this.file = file;
    this.maxBytes = maxBytes;
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a', 0o600);
    this.size = statSync(file).size;
  }

  record(entry: AuditEntry): void {
    const line = `${JSON.stringify({
      ts: new Date().toISOString(),
      ...entry,
      args: entry.args.slice(0, 64).map((a) => (a.length > MAX_ARG_CHARS ? `${a.slice(0, MAX_ARG_CHARS)}…` : a)),
    })}\n`;
    if (this.size + line.length > this.maxBytes) this.rotate();
    this.size += writeSync(this.fd, line);
  }

  private rotate(): void {
    closeSync(this.fd);
    renameSync(this.file, `${this.file}.1`);
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}
