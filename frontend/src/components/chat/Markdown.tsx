import { createContext, type ReactNode, useContext } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from './CodeBlock.tsx';
import { hitTitle } from './citations.ts';
import { remarkCitations, remarkLiteralHtml } from './markdownPlugins.ts';
import type { CiteOptions } from './useCitations.ts';

const SAFE_URL = /^(?:https?:|mailto:)/i;

/** Links and images may point only to the web or to an e-mail address; anything else (javascript:, data:, …) goes. */
export const safeUrl = (url: string): string | undefined => (SAFE_URL.test(url) ? url : undefined);

/** The language of a fenced block, from the class the Markdown renderer puts on its code element. */
function languageOf(node: unknown): string | null {
  const code = (node as { children?: { properties?: { className?: unknown } }[] } | undefined)?.children?.[0];
  const classes = code?.properties?.className;
  const lang = Array.isArray(classes) ? classes.find((c) => String(c).startsWith('language-')) : undefined;
  return lang ? String(lang).slice('language-'.length) : null;
}

const external = { target: '_blank', rel: 'noopener noreferrer nofollow' } as const;

/** The citations of the answer being rendered; the components below are fixed, so elements keep their identity. */
const CiteContext = createContext<CiteOptions | undefined>(undefined);

function Citation({ n, children }: { n: number; children: ReactNode }) {
  const cite = useContext(CiteContext);
  const hit = cite?.hits[n - 1];
  if (!cite || !hit) return <>{children}</>;
  return (
    <button
      type="button"
      className="cite"
      data-cite={n}
      aria-label={`Source ${n}: ${hitTitle(hit)}`}
      title={hitTitle(hit)}
      onClick={() => cite.onCite(n)}
    >
      {children}
    </button>
  );
}

const COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} {...external}>
        {children}
      </a>
    ) : (
      <span className="md__unlinked">{children}</span>
    ),
  // Images are not loaded (a message cannot make the browser fetch anything): they become links to themselves.
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} {...external} className="md__image-link">
        {alt || src}
      </a>
    ) : (
      <span className="md__unlinked">{alt}</span>
    ),
  pre: ({ node, children }) => <CodeBlock language={languageOf(node)}>{children}</CodeBlock>,
  table: ({ children }) => (
    <div className="md__table">
      <table>{children}</table>
    </div>
  ),
  cite: ({ node, children }) => <Citation n={Number(node?.properties?.dataCite)}>{children}</Citation>,
};

/**
 * An answer written in Markdown (GitHub's flavour: tables, task lists, strikethrough, autolinks), with highlighted
 * code blocks. It is shown, never run: HTML stays literal text, links are web or mail links only and open in a new
 * tab without access to this one. With `cite`, markers such as [1] that name a hit become links to it.
 */
export function Markdown({ text, cite, after }: { text: string; cite?: CiteOptions; after?: ReactNode }) {
  return (
    <div className="md" data-testid="markdown">
      <CiteContext.Provider value={cite}>
        <ReactMarkdown
          remarkPlugins={[
            remarkGfm,
            remarkLiteralHtml,
            remarkBreaks,
            [remarkCitations, { count: cite?.hits.length ?? 0 }],
          ]}
          rehypePlugins={[[rehypeHighlight, { plainText: ['text', 'txt', 'plain', 'console', 'output'] }]]}
          urlTransform={safeUrl}
          components={COMPONENTS}
        >
          {text}
        </ReactMarkdown>
      </CiteContext.Provider>
      {after}
    </div>
  );
}
