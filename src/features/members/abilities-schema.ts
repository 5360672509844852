import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../domain/access/policy.ts';

/** HTTP contract of the caller's abilities in a workspace (`abilitiesOf` in the access policy). */

const permissionSchema = z.enum(PERMISSIONS);

export const abilitiesSchema = z
  .object({
    role: z.enum(ROLES),
    anywhere: z
      .array(permissionSchema)
      .describe('What the role may do on some resource of the workspace (not necessarily every one)'),
    scopes: z
      .array(
        z.object({
          clusterId: z
            .string()
            .nullable()
            .describe("A cluster of the workspace; null: unowned resources (or the member's organisation)"),
          organisationId: z.string().nullable().describe("The member's own organisation, in its own entry"),
          permissions: z
            .array(permissionSchema)
            .describe('What the caller may do on a resource of this scope'),
        }),
      )
      .describe(
        'One entry for unowned resources, one per cluster of the workspace and, for a member, one for its own organisation',
      ),
  })
  .meta({ id: 'Abilities' });

export type AbilitiesDto = z.infer<typeof abilitiesSchema>;
