import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: Array<{ in?: string }>;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};

const API_ERROR = { $ref: '#/components/schemas/ApiError' };
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: API_ERROR } },
});

/**
 * Declares on every operation the statuses the platform answers before or around its handler,
 * so that the document lists every status an operation can answer (the fuzzer checks it):
 * an id in the path that names nothing reachable (404), a body or query that does not parse or
 * validate (400), a body over the limit (413) or of another content type (415), and request
 * headers over Node's limit (431, from the HTTP server itself). The signed-in ones (401, 403)
 * come with the access declarations (access/access.decorators.ts); the rest each @Endpoint lists.
 */
export function declareImpliedStatuses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses = (operation.responses ??= {});
      const add = (status: number, description: string) => {
        responses[String(status)] ??= error(description);
      };
      if (path.includes('{')) add(404, 'Nothing reachable by this caller has this id');
      if (operation.requestBody || operation.parameters?.some((p) => p.in === 'query'))
        add(400, 'The body or query does not parse or validate (messages per field)');
      if (operation.requestBody) {
        add(413, 'The body is over the size limit');
        add(415, 'The body is not JSON');
      }
      add(431, 'Request headers over the size limit');
    }
  }
  return document;
}
