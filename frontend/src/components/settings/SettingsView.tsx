import type { ReactNode } from 'react';
import { config } from '../../config.ts';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useChat } from '../../context/chat/ChatContext.tsx';
import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { getMeshStatus } from '../../services/meshApi.ts';
import { getPlatformStatus } from '../../services/platformApi.ts';
import { KeysPanel } from '../admin/KeysPanel.tsx';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function SettingsView() {
  const status = useResource(getPlatformStatus, 10_000);
  const mesh = useResource(getMeshStatus, 30_000);
  const { connection, canChat, userId, sessionId } = useChat();
  const { accountsOn, user } = useAuth();
  const { stream } = useIngestion();
  const s = status.data;
  const lexical = s ? /lexical|fallback/i.test(`${s.memory.embedder} ${s.memory.embedding_model}`) : false;

  return (
    <div className="settings">
      <Panel title="Connection">
        <dl className="kv-list">
          <Row label="Chat socket" testId="settings-connection">
            {canChat ? (
              <span className={`conn conn--${connection}`}>
                <span className="dot" aria-hidden="true" />{' '}
                {connection === 'open'
                  ? 'Connected'
                  : connection === 'connecting'
                    ? 'Connecting…'
                    : 'Offline — reconnecting'}
              </span>
            ) : (
              <span className="muted">Not opened: your role cannot chat</span>
            )}
          </Row>
          <Row label="Ingestion events">
            {stream === 'open' ? 'Live stream' : `Polling every ${config.ingestPollIntervalMs} ms`}
          </Row>
          <Row label="Gateway">{config.gatewayUrl || `${window.location.origin} (same origin)`}</Row>
          <Row label="Account">
            {accountsOn && user ? (
              <>
                {user.name} <span className="muted">({user.role})</span>
              </>
            ) : (
              <span className="muted">Accounts are off: the local admin</span>
            )}
          </Row>
          <Row label="User / session">
            <code>{userId}</code> · <code>{sessionId}</code>
          </Row>
        </dl>
      </Panel>
      <Panel
        title="Platform"
        subtitle="What the twin runs on"
        actions={
          <button type="button" className="btn btn--ghost btn--sm" onClick={status.refresh}>
            Refresh
          </button>
        }
      >
        {!s && status.error && <StateMessage kind="error" title="Status unavailable" detail={status.error} />}
        {!s && !status.error && <StateMessage kind="loading" title="Loading status…" compact />}
        {s && (
          <>
            {lexical && (
              <div className="banner banner--warn" role="alert" data-testid="lexical-warning">
                Memory runs on the lexical fallback embedder: search matches words, not meaning. Provide the embedding
                model (EMBEDDING_MODEL_DIR) for semantic search.
              </div>
            )}
            {!s.memory.reachable && (
              <div className="banner banner--error" role="alert">
                The memory service is unreachable: {s.memory.detail}
              </div>
            )}
            {(s.hitl_bypass.tools || s.hitl_bypass.memory) && (
              <div className="banner banner--warn" role="alert">
                Approval is bypassed for{' '}
                {[s.hitl_bypass.tools && 'tool runs', s.hitl_bypass.memory && 'memory queries']
                  .filter(Boolean)
                  .join(' and ')}
                .
              </div>
            )}
            <dl className="kv-list">
              <Row label="LLM provider" testId="settings-llm">
                {s.llm.provider === 'mock' ? 'Mock planner (offline, deterministic)' : `OpenRouter · ${s.llm.model}`}
                {s.llm.provider !== 'mock' && !s.llm.configured && <span className="pill pill--warn">no API key</span>}
              </Row>
              <Row label="Embedder" testId="settings-embedder">
                {s.memory.embedder} <span className="muted">({s.memory.embedding_model})</span>
              </Row>
              <Row label="Vector store" testId="settings-store">
                {s.memory.store_backend}
              </Row>
              <Row label="Memory service">{s.memory.reachable ? 'Reachable' : 'Unreachable'}</Row>
              {s.memory.detail && <Row label="Detail">{s.memory.detail}</Row>}
              {mesh.data && (
                <Row label="Mesh" testId="settings-mesh">
                  {mesh.data.enabled
                    ? `On: ${mesh.data.peers_connected} peer(s) connected, swarm key ${mesh.data.swarm_key_fingerprint} (see Network)`
                    : `Off. To join a mesh of twins: ${mesh.data.hint}.`}
                </Row>
              )}
            </dl>
          </>
        )}
      </Panel>
      {/* Admins manage every key on the admin page; here each person sees their own. */}
      {accountsOn && <KeysPanel scope="mine" />}
    </div>
  );
}
