import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { CodedError, type DocumentDeleteResponse, type Domain } from '@pagi/contracts';
import { isUnavailable, type Logger } from '@pagi/runtime';
import { type FileRow, type Ledger, RUNNING_STAGES } from '../ledger/ledger.ts';
import type { KnowledgeMemory } from '../memory/knowledge-memory.ts';
import { PathRefused, type Root } from './confinement.ts';
import type { Ingestor } from './ingestor.ts';
import { MANUAL_METHOD } from './pipeline.ts';
import { listFiles } from './scan.ts';

// The documents of the knowledge base as a person manages them: the folders scanned, files that disappeared from
// them forgotten, a document deleted (its memories, its ledger entry and its file) or re-filed into another
// domain. The queue and the pipeline stay the Ingestor's.

export interface LibraryDeps {
  ledger: Ledger;
  ingestor: Ingestor;
  memory: KnowledgeMemory;
  /** Every folder ingested from; the first is the ingest folder (the only one files are deleted from). */
  roots: Root[];
  logger: Logger;
}

/** A memory service that cannot be reached is a 503 with that name; other coded errors pass through. */
function memoryError(err: unknown): CodedError {
  if (err instanceof CodedError && !isUnavailable(err)) return err;
  return new CodedError('memory_unavailable', `memory service unavailable: ${(err as Error).message}`);
}

const inside = (file: string, root: Root) => file.startsWith(root.dir + path.sep);

export class Library {
  private readonly deps: LibraryDeps;

  constructor(deps: LibraryDeps) {
    this.deps = deps;
  }

  private row(id: string): FileRow {
    const row = this.deps.ledger.get(id);
    if (!row) throw new CodedError('not_found', `no document ${id} in the knowledge base`);
    return row;
  }

  /** Offers every file under the roots (returns how many were queued); files gone from them are forgotten. */
  async rescan(roots: Root[] = this.deps.roots): Promise<number> {
    let queued = 0;
    for (const root of roots) {
      for (const file of await listFiles(root.dir)) {
        try {
          if (this.deps.ingestor.offer(file).queued) queued++;
        } catch (err) {
          if (!(err instanceof PathRefused)) throw err;
        }
      }
    }
    for (const row of this.deps.ledger.all()) {
      if (roots.some((r) => inside(row.path, r)) && !existsSync(row.path)) await this.removeDeleted(row.path);
    }
    return queued;
  }

  /** A file was deleted from a folder: its memories leave the knowledge base and its row the ledger. */
  async removeDeleted(filePath: string): Promise<boolean> {
    const { ledger, ingestor, memory, logger } = this.deps;
    const row = ledger.byPath(path.resolve(filePath));
    if (!row) return false;
    await ingestor.halt(row.id);
    try {
      await memory.deleteSource(row.source);
    } catch (err) {
      const error = `file deleted but its chunks could not be removed: ${(err as Error).message}`;
      logger.warn({ err: (err as Error).message, file: row.source }, 'cannot delete chunks of a removed file yet');
      ingestor.publish(ledger.setStage(row.id, 'failed', { error })!);
      return false;
    }
    return ingestor.forget(row.id);
  }

  /**
   * Deletes a document: its memories, then its file (from the ingest folder only: starter knowledge keeps its
   * shipped file), then its ledger entry. A memory service that is down leaves everything as it was.
   */
  async delete(id: string): Promise<DocumentDeleteResponse> {
    const { ledger, ingestor, memory, logger } = this.deps;
    const row = this.row(id);
    await ingestor.halt(id);
    let chunks: number;
    try {
      chunks = await memory.deleteSource(row.source);
    } catch (err) {
      // A pipeline stopped half-way is queued again, so the file is not left mid-stage.
      const stage = ledger.get(id)?.stage;
      if (stage && RUNNING_STAGES.includes(stage)) ingestor.requeue(id, 'deletion failed; ingesting again');
      throw memoryError(err);
    }
    const ingestRoot = this.deps.roots[0];
    const ownFile = ingestRoot !== undefined && inside(row.path, ingestRoot);
    if (ownFile) {
      try {
        await rm(row.path, { force: true });
      } catch (err) {
        const error = `its knowledge was removed but the file could not be deleted: ${(err as Error).message}`;
        ingestor.publish(ledger.setStage(id, 'failed', { error, content_hash: null, chunks_done: 0 })!);
        throw new CodedError('internal', `${row.name}: ${error}`);
      }
    }
    ingestor.forget(id);
    logger.info({ file: row.source, chunks }, 'document deleted');
    return { success: true, id, name: row.name, chunks_deleted: chunks, file_deleted: ownFile };
  }

  /**
   * Files a stored document under `domain` by a person's choice: it is ingested again with that domain (the
   * classifier is not asked), which replaces its memories with ones in the new domain's collection. The choice
   * stays for later versions of the file.
   */
  refile(id: string, domain: Domain): FileRow {
    const { ledger, ingestor } = this.deps;
    const row = this.row(id);
    if (row.stage !== 'stored' && row.stage !== 'skipped') {
      throw new CodedError(
        'failed_precondition',
        `${row.name} is ${row.stage}: only a document in the knowledge base can be re-filed`,
      );
    }
    const detail = `re-filed as ${domain} by a person`;
    if (row.domain === domain) {
      // Already there: the choice is recorded so that later versions stay in this domain.
      const pinned = ledger.setStage(id, row.stage, { domain_override: domain, method: MANUAL_METHOD }, detail)!;
      ingestor.publish(pinned);
      return pinned;
    }
    ledger.setStage(id, row.stage, { domain_override: domain, content_hash: null }, detail);
    return ingestor.requeue(id, detail);
  }
}
