// Child process of the cold benchmark: a fresh Node process imports the core, builds the data,
// then times its very first training call and prints {"wall": ms, "cpu": ms} on stdout.
import { makeBenchData } from './data.ts';
import { nudgeTrainOnce } from './peer-nudge.ts';

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n <= 0) {
  process.stderr.write(`nudge-cold-child: expected a positive sample count, got ${process.argv[2]}\n`);
  process.exit(2);
}
const d = makeBenchData(n);
process.stdout.write(`${JSON.stringify(nudgeTrainOnce(d, 2))}\n`);
