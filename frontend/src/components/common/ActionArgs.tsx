import type { ActionArgs } from '@pagi/contracts';
import { DomainBadge } from './DomainBadge.tsx';
import { VisibleText } from './VisibleText.tsx';

type ToolArgs = Extract<ActionArgs, { tool_name: string }>;
type QueryArgs = Extract<ActionArgs, { query: string }>;

/** A proposed tool run's arguments, one per line exactly as they will be passed, and why it was proposed. */
export function ToolArgRows({ args, argvTestId }: { args: ToolArgs; argvTestId?: string }) {
  return (
    <>
      <dt>Arguments</dt>
      <dd>
        {args.args.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ol className="argv" data-testid={argvTestId}>
            {args.args.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: argv positions are the identity
              <li key={i}>
                <code>
                  <VisibleText text={a} />
                </code>
              </li>
            ))}
          </ol>
        )}
      </dd>
      {args.reason && (
        <>
          <dt>Why</dt>
          <dd>
            <VisibleText text={args.reason} />
          </dd>
        </>
      )}
    </>
  );
}

/** A proposed memory search: the query, the domains, how many results, and whether the mesh's peers are asked. */
export function QueryArgRows({ args, queryTestId }: { args: QueryArgs; queryTestId: string }) {
  return (
    <>
      <dt>Query</dt>
      <dd>
        <code data-testid={queryTestId}>
          <VisibleText text={args.query} />
        </code>
      </dd>
      <dt>Domains</dt>
      <dd className="approval__domains">
        {args.domains.length === 0 ? (
          <span className="muted">all domains</span>
        ) : (
          args.domains.map((d) => <DomainBadge key={d} domain={d} />)
        )}
      </dd>
      <dt>Results</dt>
      <dd>up to {args.top_k}</dd>
      {args.scope === 'fleet' && (
        <>
          <dt>Peers</dt>
          <dd data-testid="approval-fleet">
            Also asks the mesh's online peers; each answers only from what it shares with this twin
          </dd>
        </>
      )}
    </>
  );
}
