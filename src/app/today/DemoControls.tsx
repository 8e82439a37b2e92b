// The sample history: lets a newcomer see a living app at once, and removes it in one tap.
import { useState } from 'preact/hooks';
import { addDemoHistory, removeDemoHistory } from '../../data/demo.ts';
import { errorText } from '../components/ErrorNote.tsx';
import { useToast } from '../components/Toast.tsx';

/** "Try with a sample history" (empty app) or "Remove sample history" (demo data present). */
export function DemoControls({ hasDemo, empty }: { hasDemo: boolean; empty: boolean }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await fn();
      toast({ text: done });
    } catch (err) {
      toast({ text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  if (hasDemo) {
    return (
      <p class="demo-note">
        You are looking at a sample history.{' '}
        <button
          type="button"
          class="btn"
          disabled={busy}
          onClick={() => run(removeDemoHistory, 'Sample history removed.')}
        >
          Remove sample history
        </button>
      </p>
    );
  }
  if (!empty) return null;
  return (
    <button
      type="button"
      class="btn"
      disabled={busy}
      onClick={() => run(() => addDemoHistory(), 'Sample history added: 3 habits over the last months.')}
    >
      Try with a sample history
    </button>
  );
}
