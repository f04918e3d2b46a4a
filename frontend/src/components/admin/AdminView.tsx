import { useState } from 'react';
import { AuditPanel } from './AuditPanel.tsx';
import { KeysPanel } from './KeysPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

export function AdminView() {
  // Account changes show up in the audit without waiting for its next refresh.
  const [changes, setChanges] = useState(0);
  return (
    <div className="admin">
      <UsersPanel onChanged={() => setChanges((n) => n + 1)} />
      <KeysPanel scope="all" />
      <AuditPanel reloadKey={changes} />
    </div>
  );
}
