import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { AuthRepository } from '../../features/auth/repository.ts';
import { AuthService } from '../../features/auth/service.ts';
import { WorkspaceSetupService } from '../../features/workspaces/setup-service.ts';
import { openReadyDatabase } from '../context.ts';

/** A CLI error naming the option at fault; `main.ts` prints it and exits with 1. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

const email = z.string().trim().max(254).pipe(z.email());

/**
 * `space2id workspace create --slug S --name N --coordinator EMAIL`: a workspace pending its
 * coordinator, and the coordinator's one-time set-up link (7 days), printed. Nothing is written
 * when the slug is malformed, reserved or taken, or the e-mail is malformed.
 */
export function registerWorkspaceCommand(program: Command): void {
  const workspace = program.command('workspace').description('create workspaces from a script');
  workspace
    .command('create')
    .description('create a workspace pending its coordinator and print their one-time set-up link')
    .requiredOption('--slug <slug>', 'its address: lower-case letters, digits and hyphens, 3–40')
    .requiredOption('--name <name>', 'its name (the coordinator may change it)')
    .requiredOption('--coordinator <email>', 'the e-mail of its first coordinator')
    .option('--coordinator-name <name>', 'the coordinator’s name, prefilled on the set-up page')
    .action(
      async (options: { slug: string; name: string; coordinator: string; coordinatorName?: string }) => {
        const name = options.name.trim();
        if (name === '' || name.length > 200) throw new CliInputError('--name must be 1 to 200 characters');
        const parsedEmail = email.safeParse(options.coordinator);
        if (!parsedEmail.success) {
          throw new CliInputError(`--coordinator must be an e-mail address, got "${options.coordinator}"`);
        }
        const config = loadConfig();
        const database = await openReadyDatabase({ ...config, seedDemo: false });
        try {
          const auth = new AuthService(new AuthRepository(database.db));
          const setup = new WorkspaceSetupService({ db: database.db, auth, publicUrl: config.publicUrl });
          const { workspace: created, link } = await setup
            .createPending(
              {
                slug: options.slug,
                name,
                coordinatorEmail: parsedEmail.data,
                coordinatorName: options.coordinatorName?.trim() || undefined,
              },
              { createdBy: null, fieldPrefix: '--' },
            )
            .catch((error: unknown) => {
              if (error instanceof InvalidInputError) {
                const field = error.errors[0];
                throw new CliInputError(field ? `${field.field} ${field.message}` : error.message);
              }
              throw error;
            });
          console.log(`Workspace "${created.name}" (${created.slug}) created, pending its coordinator.`);
          console.log(
            `Send ${parsedEmail.data.toLowerCase()} this one-time set-up link (valid until ${link.expiresAt}):`,
          );
          console.log(`  ${link.url}`);
        } finally {
          await database.close();
        }
      },
    );
}
