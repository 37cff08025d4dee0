// Reads a secret from the terminal without echo, or the first line of standard input when that is not a terminal
// (null when there is nothing to read). Used by `npm start` (the keyring password) and `npm run store:password`.
export async function readSecret(prompt) {
  const { stdin } = process;
  if (!stdin.isTTY) {
    if (stdin.readableEnded || stdin.destroyed) return null;
    let data = '';
    for await (const chunk of stdin) data += String(chunk);
    return data.split(/\r?\n/)[0] || null;
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(value || null);
        }
        if (ch === '\u0003') process.exit(130);
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}
