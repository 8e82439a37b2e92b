// CLI: npm run replay -- <backup.json> [--out <file.jsonl>]. One JSON line per habit and day.
// A bad file or bad arguments: exit code 2 and a message naming what is wrong and where.
import { closeSync, openSync, readFileSync, realpathSync, writeSync } from 'node:fs';
import { type BackupData, BackupRefused, readBackupData, replayBackup } from './replay-core.ts';

function usage(problem: string): never {
  process.stderr.write(`replay: ${problem}\nusage: npm run replay -- <backup.json> [--out <file.jsonl>]\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let file: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') {
      if (!argv[i + 1]) usage('--out needs a file name');
      out = argv[++i];
    } else if (argv[i].startsWith('--')) usage(`unknown option ${argv[i]}`);
    else if (file === null) file = argv[i];
    else usage(`unexpected argument ${argv[i]}`);
  }
  if (file === null) usage('missing the backup file');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    usage(`cannot read ${file}: ${(e as Error).message}`);
  }
  // Editors on Windows often save a byte-order mark; it is not part of the JSON (the app's import skips it too).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    usage(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  let data: BackupData;
  try {
    data = readBackupData(json);
  } catch (e) {
    if (e instanceof BackupRefused) usage(`${file} is not a valid Nudge backup:\n${e.message}`);
    throw e;
  }
  // Opened before the replay, so a bad path is reported at once rather than after the work.
  const fd = out === null ? null : openOut(out, file);
  const lines = replayBackup(data).map((l) => JSON.stringify(l));
  const body = lines.length ? `${lines.join('\n')}\n` : '';
  if (fd === null) {
    process.stdout.write(body);
    return;
  }
  try {
    writeSync(fd, body);
    closeSync(fd);
  } catch (e) {
    usage(`cannot write ${out}: ${(e as Error).message}`);
  }
}

/** The output file opened for writing; never the backup itself (writing there would destroy it). */
function openOut(out: string, backup: string): number {
  let same = false;
  try {
    same = realpathSync(out) === realpathSync(backup);
  } catch {
    // `out` does not exist yet: it cannot be the backup.
  }
  if (same) usage(`--out ${out} is the backup file itself; choose another file for the predictions`);
  try {
    return openSync(out, 'w');
  } catch (e) {
    return usage(`cannot write ${out}: ${(e as Error).message}`);
  }
}

main(process.argv.slice(2));
