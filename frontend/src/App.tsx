import { Shell } from './components/shell/Shell.tsx';
import { ChatProvider } from './context/chat/ChatContext.tsx';
import { IngestionProvider } from './context/ingestion/IngestionContext.tsx';
import { ToastProvider } from './context/toast/ToastContext.tsx';

export function App() {
  return (
    <ToastProvider>
      <IngestionProvider>
        <ChatProvider>
          <Shell />
        </ChatProvider>
      </IngestionProvider>
    </ToastProvider>
  );
}
