// The `edjwt` command: picks a subcommand, runs it, and turns the outcome into
// an exit status (0 valid, 1 invalid, 2 usage error, 3 key unavailable) with
// a message that never repeats the token.
import { parseCommandLine } from './arguments.js';
import { decode } from './commands/decode.js';
import { exp } from './commands/exp.js';
import { verify } from './commands/verify.js';
import { EXIT, EXIT_STATUS_HELP, KeyUnavailable, UsageError } from './exit-status.js';
import { createOutput } from './output.js';
import { readToken, TOKEN_INPUT_HELP } from './token-input.js';

const COMMANDS = new Map([decode, verify, exp].map((command) => [command.name, command]));

const USAGE = `Usage: edjwt <command> <token|-> [options]

Commands:
${[...COMMANDS.values()].map((command) => `  ${command.name.padEnd(8)} ${command.summary}`).join('\n')}

"-" reads the token from standard input. ${TOKEN_INPUT_HELP}
--json prints JSON for scripts. Run "edjwt <command> --help" for a command's options.
${EXIT_STATUS_HELP}`;

const isHelp = (arg) => arg === '--help' || arg === '-h' || arg === 'help';

async function runCommand(command, args, io, output) {
  const parsed = parseCommandLine(args, command.options);
  if (parsed.help) {
    output.line(command.usage);
    return EXIT.valid;
  }
  const context = {
    values: parsed.values,
    output,
    now: io.now ?? Date.now,
    async readToken() {
      const token = await readToken(parsed.tokenArgument, io.stdin);
      output.keepSecret(token);
      return token;
    },
  };
  return command.run(context);
}

/**
 * Runs `edjwt` with `args` (argv without node and the script) against
 * `io = { stdin, stdout, stderr, env, now? }`, and resolves to the exit status.
 */
export async function main(args, io) {
  const output = createOutput(io);
  const [name, ...rest] = args;
  if (isHelp(name) && (rest.length === 0 || !COMMANDS.has(rest[0]))) {
    output.line(USAGE);
    return EXIT.valid;
  }
  const command = COMMANDS.get(isHelp(name) ? rest[0] : name);
  if (!command) {
    output.diagnostic(`edjwt: ${name === undefined ? 'missing command' : `unknown command "${name}"`}\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await runCommand(command, isHelp(name) ? ['--help'] : rest, io, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.diagnostic(`edjwt ${command.name}: ${error.message}\nRun "edjwt ${command.name} --help" for usage.`);
      return EXIT.usage;
    }
    if (error instanceof KeyUnavailable) {
      output.diagnostic(`edjwt ${command.name}: ${error.message}`);
      return EXIT.keyUnavailable;
    }
    const { message, code } = output.errorRecord(error);
    output.diagnostic(`edjwt ${command.name}: ${message}${code ? ` (${code})` : ''}`);
    return EXIT.invalid;
  }
}
