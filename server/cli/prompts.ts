import readline from 'node:readline';
import { Writable } from 'node:stream';

/** Questions on the terminal (or lines piped to stdin); typed passwords are not echoed. */
export interface Prompts {
  ask(question: string): Promise<string>;
  askHidden(question: string): Promise<string>;
  close(): void;
}

/**
 * Reads answers line by line. When stdin ends before an answer, `ask`
 * rejects instead of waiting for ever (a script that forgot a flag fails
 * with a message, it does not hang).
 */
export function createPrompts(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WriteStream = process.stdout): Prompts {
  let muted = false;
  // Readline echoes what is typed through its output; muting that stream hides a password as it is typed.
  const echo = new Writable({
    write(chunk, encoding, done) {
      if (!muted) output.write(chunk, encoding);
      done();
    },
  });
  const terminal = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = readline.createInterface({ input, output: echo, terminal });
  const lines = rl[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error('stdin ended before every answer was given');
    return line.value;
  };
  return {
    async ask(question) {
      output.write(question);
      return next();
    },
    async askHidden(question) {
      output.write(question);
      muted = true;
      try {
        return await next();
      } finally {
        muted = false;
        output.write('\n');
      }
    },
    close: () => rl.close(),
  };
}
