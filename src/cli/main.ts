import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { DomainError } from '../domain/shared/domain-error';
import { type CliContext, type IdentityOptions, openCli, UsageError } from './cli-context';
import { registerJobCommands } from './jobs.command';
import { registerUploadCommands } from './upload.command';

/**
 * `convene`: bulk uploads from the command line for IT automation, against the same database as the
 * server. Exit codes: 0 valid / completed, 1 problems found / job failed or partial, 2 usage error.
 */
async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('convene')
    .description('Convene command line: bulk uploads and jobs')
    .option('--tenant <id>', 'tenant mode: the org admin’s tenant id')
    .option('--user <id>', 'tenant mode: the org admin’s Entra object id')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const run = async (action: (cli: CliContext) => Promise<number>) => {
    const cli = await openCli(loadConfig(), program.opts<IdentityOptions>());
    try {
      exitCode = await action(cli);
    } finally {
      await cli.close();
    }
  };
  registerUploadCommands(program, run);
  registerJobCommands(program, run);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
        ? 0
        : 2;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`convene: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DomainError) {
      process.stderr.write(`convene: ${error.message} [${error.code}]\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
