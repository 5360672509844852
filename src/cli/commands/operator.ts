import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { AuthRepository } from '../../features/auth/repository.ts';
import { AuthService } from '../../features/auth/service.ts';
import { createMailer } from '../../features/mail/create-mailer.ts';
import { OperatorService } from '../../features/workspaces/operator-service.ts';
import { WorkspaceSetupService } from '../../features/workspaces/setup-service.ts';
import { openReadyDatabase } from '../context.ts';
import { CliInputError } from './workspace.ts';

const email = z.string().trim().max(254).pipe(z.email());

/**
 * `space2id operator grant EMAIL` / `operator revoke EMAIL`: who is the instance operator. Granting
 * to an address without an account creates it and prints a link to choose its password.
 */
export function registerOperatorCommand(program: Command): void {
  const operator = program
    .command('operator')
    .description('set the instance operator (sees workspaces, never their content)');
  for (const [name, grant] of [
    ['grant', true],
    ['revoke', false],
  ] as const) {
    operator
      .command(`${name} <email>`)
      .description(
        grant
          ? 'make the account the instance operator (creates it if needed)'
          : 'take the operator role away',
      )
      .action(async (address: string) => {
        const parsed = email.safeParse(address);
        if (!parsed.success) throw new CliInputError(`EMAIL must be an e-mail address, got "${address}"`);
        const config = loadConfig();
        const database = await openReadyDatabase({ ...config, seedDemo: false });
        try {
          const auth = new AuthService(new AuthRepository(database.db));
          const setup = new WorkspaceSetupService({ db: database.db, auth, publicUrl: config.publicUrl });
          const mailer = createMailer(
            { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl },
            database.db,
          );
          const service = new OperatorService({ db: database.db, setup, mailer, notifyJobs: () => {} });
          const { user, created } = await service.setOperator(parsed.data, grant).catch((error: unknown) => {
            if (error instanceof InvalidInputError)
              throw new CliInputError(`EMAIL ${error.errors[0]?.message ?? error.message}`);
            throw error;
          });
          await mailer.close();
          if (!grant) {
            console.log(`${user.email} is no longer the instance operator.`);
            return;
          }
          console.log(
            `${user.email} is now an instance operator${created ? ' (new account)' : ''}: sign in and open /operator.`,
          );
          if (!user.password_hash) {
            const link = await setup.passwordLink(user);
            console.log(
              `The account has no password yet. Open this one-time link to choose it (valid until ${link.expiresAt}):`,
            );
            console.log(`  ${link.url}`);
          }
        } finally {
          await database.close();
        }
      });
  }
}
