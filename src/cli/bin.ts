// The `quotelens` command: `quotelens analyze [options] FILE...`, the same contract as
// `npm run analyze` (one JSON object per line per file; exit 1 if any file failed, 2 on bad usage).
// Bundled to plain JavaScript by scripts/build-cli.ts and started by bin/quotelens.mjs.
import { analyzeFile, parseArgs } from './analyze';

declare const __QUOTELENS_VERSION__: string;

const USAGE = `usage: quotelens analyze [--mode declutter|focus] [--explain] [--comments] FILE...
       quotelens --version`;

export async function runCli(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    out(__QUOTELENS_VERSION__);
    return 0;
  }
  if (command === '--help' || command === '-h') {
    out(USAGE);
    return 0;
  }
  if (command !== 'analyze') {
    err(command ? `unknown command ${command}\n${USAGE}` : USAGE);
    return 2;
  }
  const opts = parseArgs(rest);
  if (typeof opts === 'string') {
    err(opts);
    return 2;
  }
  let failed = 0;
  for (const file of opts.files) {
    const result = await analyzeFile(file, opts);
    if (result.ok !== true) failed++;
    out(JSON.stringify(result));
  }
  return failed > 0 ? 1 : 0;
}

const code = await runCli(
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
process.exitCode = code;
