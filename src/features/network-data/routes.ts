import type { FastifyError, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_VCARD_BYTES } from '../../domain/network/vcard.ts';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { handleError, problemSchema } from '../../http/problem.ts';
import { firstMultipartFile } from './multipart.ts';
import {
  eraseBody,
  networkImportResultSchema,
  networkOrganisationImportBody,
  networkPersonImportBody,
  networkPersonParams,
  networkPersonSchema,
  personDataExportSchema,
  vcardImportQuery,
  vcardImportResultSchema,
  vcardsQuery,
} from './schema.ts';
import type { NetworkDataService } from './service.ts';

/** Upload types of a vCard import read as raw bytes. */
const VCARD_MEDIA_TYPES = ['text/vcard', 'text/x-vcard', 'text/directory', 'multipart/form-data'];
/** Room for a 1 MB file in a multipart form; the file itself is checked against 1 MB. */
const VCARD_BODY_LIMIT = 2 * 1024 * 1024;
/** Largest JSON body of a network import: 50,000 mapped rows (as the registry's). */
const ROWS_LIMIT_BYTES = 40 * 1024 * 1024;

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

const uploadedFile = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), 'must be a vCard file')
  .meta({ type: 'string', format: 'binary', description: 'The .vcf file (text/vcard), or a form with it' });

const vcardResponse = {
  description: 'vCards (RFC 6350, version 4.0), as an attachment',
  content: { 'text/vcard': { schema: z.string() } },
};
const jsonAttachment = {
  description: 'Everything held about the person (JSON), as an attachment',
  content: { 'application/json': { schema: personDataExportSchema } },
};

/**
 * `/network/people/…` vCards and GDPR requests, and `/imports/network-…` (workspace scope). The
 * route `/network/people/vcards` is static, so it wins over A1's `/network/people/{id}`.
 */
export function networkDataRoutes(networkData: NetworkDataService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      VCARD_MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: VCARD_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    // A body over the parser's limit is named with the vCard limit, like a file between 1 and 2 MB.
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        error.message = `The vCard file is over the limit of 1 MB (${MAX_VCARD_BYTES} bytes).`;
      }
      return handleError(error, request, reply);
    });

    app.get(
      '/network/people/:id/vcard',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'Download a network person’s vCard',
          description:
            'One vCard 4.0 (FN, N, ORG, TITLE, EMAIL, TEL, LANG, NOTE). An erased person has none (409).',
          params: networkPersonParams,
          response: { 200: vcardResponse, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { filename, text } = await networkData.vcard(actorOf(request), request.params.id);
        return sendAttachment(reply, 'text/vcard; charset=utf-8', filename, text);
      },
    );

    app.get(
      '/network/people/vcards',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'Download the network people the filters select as vCards',
          description:
            'At most 5,000 cards, by name; erased people are left out. The header X-Card-Count says how many.',
          params: workspaceParams,
          querystring: vcardsQuery,
          response: { 200: vcardResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { q, organisationId, country, language, ownerCluster, consentBasis } = request.query;
        const { count, text } = await networkData.vcards(actorOf(request), {
          ...(q ? { q } : {}),
          ...(organisationId ? { organisationId } : {}),
          ...(language ? { language } : {}),
          ...(country ? { country } : {}),
          ...(ownerCluster ? { ownerClusterId: ownerCluster } : {}),
          ...(consentBasis ? { consentBasis } : {}),
        });
        reply.header('x-card-count', String(count));
        const slug = request.params.workspace.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
        return sendAttachment(reply, 'text/vcard; charset=utf-8', `network-people-${slug}.vcf`, text);
      },
    );

    app.post(
      '/network/people/vcards',
      {
        config: { permission: 'network.import' },
        bodyLimit: VCARD_BODY_LIMIT,
        preValidation: async (request) => {
          const type = mediaType(request.headers['content-type']);
          if (!VCARD_MEDIA_TYPES.includes(type)) {
            throw Object.assign(
              new Error(`Send the file as text/vcard or multipart/form-data, not "${type}".`),
              {
                statusCode: 415,
              },
            );
          }
        },
        schema: {
          tags: ['network'],
          summary: 'Check (dryRun=true) or import network people from vCards',
          description:
            'The body is a .vcf file (`text/vcard`) or a `multipart/form-data` form with it. UTF-8 only (another encoding: 400); vCard 3.0 and 4.0. Limits: 1 MB and 5,000 cards (413), lines of 10,000 characters (400). A card whose e-mail is already a person’s is skipped (`onDuplicate=skip`) or updates that person; ORG is matched to a network organisation by its normalised name, or one is created in `country`. On an import the cards that can be are written in one transaction; when another request saved one of them meanwhile nothing is written (409).',
          consumes: ['text/vcard', 'multipart/form-data'],
          params: workspaceParams,
          querystring: vcardImportQuery,
          body: uploadedFile,
          response: {
            200: vcardImportResultSchema,
            409: problemSchema,
            413: problemSchema,
            415: problemSchema,
            ...errors,
          },
        },
      },
      async (request) => {
        const type = mediaType(request.headers['content-type']);
        const bytes =
          type === 'multipart/form-data'
            ? firstMultipartFile(request.headers['content-type'] ?? '', request.body)
            : request.body;
        return networkData.importVCards(actorOf(request), bytes, request.query);
      },
    );

    app.get(
      '/network/people/:id/data-export',
      {
        config: { permission: 'network.gdpr' },
        schema: {
          tags: ['network'],
          summary: 'Export everything held about a network person (GDPR, coordinators)',
          description:
            'The person, their organisation, the interactions they took part in and the audit log’s entries about them, as a JSON attachment.',
          params: networkPersonParams,
          response: { 200: jsonAttachment, ...errors },
        },
      },
      async (request, reply) => {
        const data = await networkData.dataExport(actorOf(request), request.params.id);
        return sendAttachment(
          reply,
          'application/json; charset=utf-8',
          `personal-data-${request.params.id.replace(/[^A-Za-z0-9-]+/g, '')}.json`,
          JSON.stringify(data, null, 2),
        );
      },
    );

    app.post(
      '/network/people/:id/erase',
      {
        config: { permission: 'network.gdpr' },
        schema: {
          tags: ['network'],
          summary: 'Erase a network person (GDPR, coordinators)',
          description:
            'Anonymises the person (decision 0026): the name becomes "Erased person", contact data, notes and consent are emptied, and the audit log’s earlier entries about the person lose those values; interactions keep pointing at the row, so counts hold. `confirm` must be the person’s name. Erasing an erased person is 409.',
          params: networkPersonParams,
          body: eraseBody,
          response: { 200: networkPersonSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => networkData.erase(actorOf(request), request.params.id, request.body.confirm),
    );

    app.post(
      '/imports/network-organisations',
      {
        config: { permission: 'network.import' },
        bodyLimit: ROWS_LIMIT_BYTES,
        schema: {
          tags: ['network'],
          summary: 'Check (dryRun) or import network organisations from mapped rows',
          description:
            'Rows come from `POST /imports/parse` mapped by the client. A network organisation with the same normalised name in the same country (in the workspace or earlier in the file) is a duplicate; the same website domain is a warning. A cluster manager imports into its own cluster (the owner of every row); a coordinator may name an owner cluster per row. Written in one transaction; 409 when another request saved one of them meanwhile.',
          params: workspaceParams,
          body: networkOrganisationImportBody,
          response: { 200: networkImportResultSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => networkData.importOrganisations(actorOf(request), request.body),
    );

    app.post(
      '/imports/network-people',
      {
        config: { permission: 'network.import' },
        bodyLimit: ROWS_LIMIT_BYTES,
        schema: {
          tags: ['network'],
          summary: 'Check (dryRun) or import network people from mapped rows',
          description:
            'A person names an organisation by id or name (a network organisation of the workspace) and is linked to it; a second person with an e-mail already in the workspace or earlier in the file is a duplicate. Consent basis by label or code; "consent" needs its date. Written in one transaction; 409 when another request saved one of the e-mails meanwhile.',
          params: workspaceParams,
          body: networkPersonImportBody,
          response: { 200: networkImportResultSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => networkData.importPeople(actorOf(request), request.body),
    );
  };
}

function sendAttachment(reply: FastifyReply, type: string, filename: string, text: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(text, 'utf8'));
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
