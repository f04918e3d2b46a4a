import { splitCitations } from './citations.ts';

/** The few fields of a Markdown syntax tree node these plugins read and write. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown>; hChildren?: unknown[] };
}

/** Containers whose children are blocks: raw HTML found there becomes a paragraph of text, elsewhere inline text. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Visits every node below `node`; a visitor's replacement nodes take the visited one's place and are not visited. */
function walk(node: MdNode, visit: (child: MdNode, parent: MdNode) => MdNode[] | undefined): void {
  const kids = node.children;
  if (!kids) return;
  for (let i = 0; i < kids.length; i++) {
    const replaced = visit(kids[i]!, node);
    if (replaced) {
      kids.splice(i, 1, ...replaced);
      i += replaced.length - 1;
    } else {
      walk(kids[i]!, visit);
    }
  }
}

/** HTML in a message is shown as the text it is: never parsed into elements, never run. */
export function remarkLiteralHtml() {
  return (tree: MdNode) =>
    walk(tree, (node, parent) => {
      if (node.type !== 'html') return undefined;
      const text: MdNode = { type: 'text', value: node.value ?? '' };
      return [BLOCK_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text];
    });
}

/**
 * Citation markers (`[1]`, `[1, 2]`) in the text that name one of `count` hits become `<cite>` elements carrying
 * the hit's number. Code is not text in the tree, so markers inside code stay as written; so do those in a link.
 */
export function remarkCitations(options: { count: number }) {
  return (tree: MdNode) => {
    if (!options.count) return;
    walk(tree, (node, parent) => {
      if (node.type !== 'text' || !node.value || parent.type === 'link' || parent.type === 'linkReference') {
        return undefined;
      }
      const parts = splitCitations(node.value, options.count);
      if (parts.every((p) => p.kind === 'text')) return undefined;
      return parts.map((p) =>
        p.kind === 'text'
          ? { type: 'text', value: p.text }
          : {
              type: 'citation',
              data: { hName: 'cite', hProperties: { dataCite: p.n }, hChildren: [{ type: 'text', value: p.text }] },
            },
      );
    });
  };
}
