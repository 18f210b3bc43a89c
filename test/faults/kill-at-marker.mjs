// node test/faults/kill-at-marker.mjs <line prefix> <command> [args…]
//
// Runs the command, copies its output lines to ours and SIGKILLs it as soon as
// a line starts with the prefix; then prints "KILLED <that line>" and exits 0
// (1 if the command ended by itself first). The kill is decided here, in a
// process that does nothing else, not in the test process, whose event loop may
// be busy for seconds inside PGlite (WebAssembly runs on the main thread): a
// kill meant for "during the contradiction count" must not land after COMMIT.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const [prefix, command, ...args] = process.argv.slice(2);
if (!prefix || !command) {
  console.error('usage: kill-at-marker.mjs <line prefix> <command> [args…]');
  process.exit(2);
}
const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
let killedAt;
readline.createInterface({ input: child.stdout }).on('line', (line) => {
  if (killedAt === undefined && line.startsWith(prefix)) {
    child.kill('SIGKILL');
    killedAt = line;
  }
  process.stdout.write(`${line}\n`);
});
// Exit only once the child is gone (reaped): the test then reopens its directory.
child.on('close', (code, signal) => {
  if (killedAt !== undefined && signal === 'SIGKILL') {
    process.stdout.write(`KILLED ${killedAt}\n`);
    process.exitCode = 0;
  } else {
    process.stdout.write(`ENDED code=${code} signal=${signal}\n`);
    process.exitCode = 1;
  }
});
