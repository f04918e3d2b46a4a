// The chat's own stroke icons (copy, edit, delete, the conversation panel), drawn like the common icon set.
const PATHS = {
  copy: 'M9 9h10v11H9zM5 15H4V4h11v1',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  trash: 'M4 7h16M10 7V4h4v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  panel: 'M4 5h16v14H4zM9 5v14',
  regenerate: 'M4 12a8 8 0 1 0 3-6.2M4 4v5h5',
} as const;

export type ChatIconName = keyof typeof PATHS;

export function ChatIcon({ name, size = 14 }: { name: ChatIconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
