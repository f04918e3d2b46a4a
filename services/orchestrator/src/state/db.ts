import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql`, prepared once per database. Preparing on every call would leave a native
 * statement behind each time until the garbage collector, which does not see its size, gets round to it.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let st = cache.get(sql);
  if (!st) {
    st = db.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}

/** Schema migrations, applied in order; `user_version` records how many ran. */
const MIGRATIONS = [
  `CREATE TABLE turns (
     job_id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL,
     twin_id TEXT NOT NULL,
     message TEXT NOT NULL,
     status TEXT NOT NULL,
     response_json TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX turns_session ON turns (session_id, created_at);
   CREATE INDEX turns_twin ON turns (twin_id, updated_at);
   CREATE TABLE pending_actions (
     action_id TEXT PRIMARY KEY,
     job_id TEXT NOT NULL,
     session_id TEXT NOT NULL,
     twin_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     args_json TEXT NOT NULL,
     args_hash TEXT NOT NULL,
     status TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     decided_at INTEGER,
     result_json TEXT,
     error TEXT
   );
   CREATE INDEX pending_actions_session ON pending_actions (session_id, created_at);
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     ts INTEGER NOT NULL,
     actor TEXT NOT NULL,
     event TEXT NOT NULL,
     action_id TEXT,
     job_id TEXT,
     session_id TEXT,
     detail_json TEXT NOT NULL
   );
   CREATE INDEX audit_log_session ON audit_log (session_id, ts);
   CREATE TABLE system_prompts (
     version INTEGER PRIMARY KEY,
     prompt TEXT NOT NULL,
     author TEXT NOT NULL,
     reason TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );`,
  // Sessions belong to the person who started them; those from before accounts belong to the local user.
  `CREATE TABLE session_owners (
     session_id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX session_owners_user ON session_owners (user_id);
   INSERT OR IGNORE INTO session_owners SELECT session_id, 'local', MIN(created_at) FROM turns GROUP BY session_id;
   INSERT OR IGNORE INTO session_owners
     SELECT session_id, 'local', MIN(created_at) FROM pending_actions GROUP BY session_id;`,
  // Memory Exchange: topics offered, subscriptions to peers' topics, standing grants, share requests awaiting the
  // owner, what was shared with whom and what was received from whom.
  `CREATE TABLE exchange_offers (
     topic TEXT PRIMARY KEY, domain TEXT NOT NULL, query TEXT NOT NULL, description TEXT NOT NULL,
     created_at INTEGER NOT NULL);
   CREATE TABLE exchange_subscriptions (
     peer TEXT NOT NULL, topic TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL,
     created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (peer, topic));
   CREATE TABLE exchange_grants (
     peer TEXT NOT NULL, topic TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER,
     PRIMARY KEY (peer, topic));
   CREATE TABLE exchange_requests (
     id TEXT PRIMARY KEY, peer TEXT NOT NULL, peer_twin TEXT NOT NULL, topic TEXT NOT NULL, memories TEXT NOT NULL,
     status TEXT NOT NULL, reason TEXT NOT NULL, created_at INTEGER NOT NULL, decided_at INTEGER);
   CREATE TABLE exchange_shared (
     peer TEXT NOT NULL, origin_id TEXT NOT NULL, topic TEXT NOT NULL, shared_at INTEGER NOT NULL, revoked_at INTEGER,
     PRIMARY KEY (peer, origin_id));
   CREATE TABLE exchange_received (
     origin_peer TEXT NOT NULL, origin_id TEXT NOT NULL, origin_twin TEXT NOT NULL, memory_id TEXT NOT NULL,
     topic TEXT NOT NULL, content TEXT NOT NULL, redactions TEXT NOT NULL, received_at INTEGER NOT NULL,
     PRIMARY KEY (origin_peer, origin_id));`,
  // Agents: runs (a tree per goal), every step of each, schedules and each time a schedule fired.
  `CREATE TABLE agent_runs (
     run_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, template TEXT NOT NULL, goal TEXT NOT NULL,
     parent_run_id TEXT, root_run_id TEXT NOT NULL, depth INTEGER NOT NULL, session_id TEXT NOT NULL,
     twin_id TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, result TEXT, source TEXT NOT NULL,
     playbook TEXT, schedule_id TEXT, plan_json TEXT, steps_used INTEGER NOT NULL, max_steps INTEGER NOT NULL,
     tokens_used INTEGER NOT NULL, active_ms INTEGER NOT NULL, created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL, ended_at INTEGER);
   CREATE INDEX agent_runs_user ON agent_runs (user_id, created_at);
   CREATE INDEX agent_runs_parent ON agent_runs (parent_run_id);
   CREATE INDEX agent_runs_status ON agent_runs (status);
   CREATE TABLE agent_steps (
     run_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL, text TEXT NOT NULL,
     decision_json TEXT, action_id TEXT, outcome TEXT, result_json TEXT, child_run_id TEXT, PRIMARY KEY (run_id, seq));
   CREATE TABLE agent_schedules (
     id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, cron TEXT NOT NULL, timezone TEXT NOT NULL,
     target_json TEXT NOT NULL, enabled INTEGER NOT NULL, missed TEXT NOT NULL, created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL, last_fired_at INTEGER);
   CREATE TABLE agent_schedule_firings (
     id INTEGER PRIMARY KEY AUTOINCREMENT, schedule_id TEXT NOT NULL, scheduled_for INTEGER NOT NULL,
     at INTEGER NOT NULL, outcome TEXT NOT NULL, run_id TEXT, detail TEXT NOT NULL);
   CREATE INDEX agent_schedule_firings_schedule ON agent_schedule_firings (schedule_id, id);`,
  // A conversation's own name, once its owner renames it (until then it is titled by its first message).
  'ALTER TABLE session_owners ADD COLUMN title TEXT;',
];

/** Opens (creating if needed) the orchestrator's SQLite state in WAL mode and brings its schema up to date. */
export function openStateDb(stateDir: string): Db {
  mkdirSync(stateDir, { recursive: true });
  const db = new Database(path.join(stateDir, 'orchestrator.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
