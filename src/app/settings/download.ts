// Saving a file from the page: Blob + <a download>, the one way that works offline in every
// engine, including iOS Safari (which opens the share sheet / Files).
import { localToday } from '../../learn/time.ts';

/** 'nudge-backup-YYYY-MM-DD.json' for the local day. */
export function backupFileName(now: Date = new Date()): string {
  return `nudge-backup-${localToday(now.getTime())}.json`;
}

/** Offers `text` as a file download. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some engines; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
