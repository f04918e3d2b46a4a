/** Files that did not load, each with its reason (the others load regardless). */
export function FileErrors({
  errors,
  label,
  testId,
}: {
  errors: { file: string; message: string }[];
  label: string;
  testId?: string;
}) {
  if (errors.length === 0) return null;
  return (
    <ul className="agents__errors" data-testid={testId} aria-label={label}>
      {errors.map((e) => (
        <li key={e.file} className="banner banner--error">
          <span>
            <code>{e.file}</code>: {e.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
