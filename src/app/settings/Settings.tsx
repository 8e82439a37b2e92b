// The Settings screen: backup, the Loop Habit Tracker import, storage, reminders on this device, and
// deleting everything.
import { PlatformNotes } from './PlatformNotes.tsx';
import { BackupSection } from './BackupSection.tsx';
import { LoopImportSection } from './LoopImportSection.tsx';
import { DeleteAllSection } from './DeleteAllSection.tsx';
import { StorageSection } from './StorageSection.tsx';
import { NO_CHANGE, nextChange, type DataChange } from './dataChange.ts';
import { useState } from 'preact/hooks';

/** The Settings screen. */
export function Settings() {
  const [change, setChange] = useState<DataChange>(NO_CHANGE);
  const changed = (wiped: boolean) => setChange((prev) => nextChange(prev, wiped));
  return (
    <section class="screen settings" aria-labelledby="settings-h">
      <div class="screen-head">
        <h2 id="settings-h">Settings</h2>
        <a href="#/habits" class="btn btn-link">
          Manage habits
        </a>
      </div>
      <BackupSection change={change} onChanged={changed} />
      <LoopImportSection onChanged={changed} />
      <StorageSection change={change.n} />
      <section class="card" aria-labelledby="reminders-h">
        <h2 id="reminders-h">About reminders on this device</h2>
        <p>
          No web app can set an alarm: browsers do not let a web page schedule a notification for a set time, and
          sending one from a server would mean your data leaves this device — Nudge has no server. So a habit’s reminder
          time is used when Nudge is open or happens to run: you see an in-app reminder for habits at risk, and, where
          the browser allows notifications, a notification while the app is running.
        </p>
        <p>
          On iPhone, notifications need Nudge installed to the Home Screen (iOS 16.4 or later) and your permission,
          asked when you tap a button.
        </p>
        <PlatformNotes />
      </section>
      <DeleteAllSection onDeleted={() => changed(true)} />
    </section>
  );
}
