import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { S3_URL_EXTENSION } from '../common/endpoint.decorator';

// The committed document (openapi.spec.ts keeps it equal to what the code generates).
const doc = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../packages/api-client/openapi.json'), 'utf8'),
) as OpenApi;

interface Schema {
  $ref?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  [extension: `x-${string}`]: unknown;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** `data:` URLs (QR codes) are images, not addresses of anything. */
const isUrlField = (name: string, schema: Schema) =>
  (/url$/i.test(name) && !/dataurl$/i.test(name)) || schema.format === 'uri';

/** Paths (a.b[].c) of the URL fields an answer schema carries. */
export function urlFields(schema: Schema | undefined, at = '', seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return [];
    seen.add(schema.$ref);
    return urlFields(doc.components?.schemas?.[schema.$ref.split('/').pop()!], at, seen);
  }
  const found: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (isUrlField(name, field)) found.push(`${at}${name}`);
    found.push(...urlFields(field, `${at}${name}.`, seen));
  }
  if (schema.items) found.push(...urlFields(schema.items, `${at.replace(/\.$/, '')}[].`, seen));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    found.push(...urlFields(schema.additionalProperties, `${at}*.`, seen));
  for (const list of [schema.anyOf, schema.oneOf, schema.allOf])
    for (const option of list ?? []) found.push(...urlFields(option, at, seen));
  return found;
}

function operations() {
  return Object.entries(doc.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ id: `${method.toUpperCase()} ${route}`, op })),
  );
}

describe(`every operation that answers with a URL declares it (${S3_URL_EXTENSION})`, () => {
  it('no URL field in a 2xx answer without the marker', () => {
    const unmarked = operations()
      .map(({ id, op }) => ({
        id,
        marked: op[S3_URL_EXTENSION] !== undefined,
        fields: Object.entries(op.responses ?? {})
          .filter(([status]) => status.startsWith('2'))
          .flatMap(([, r]) => urlFields(r.content?.['application/json']?.schema)),
      }))
      .filter((o) => o.fields.length > 0 && !o.marked)
      .map((o) => `${o.id}: ${o.fields.join(', ')}`);
    expect(unmarked, 'add `s3Url` to the @Endpoint of these operations').toEqual([]);
  });

  it('the presigned operations are marked with the operation class their credential allows', () => {
    const marked = Object.fromEntries(
      operations()
        .filter(({ op }) => op[S3_URL_EXTENSION] !== undefined)
        .map(({ op }) => [op.operationId, op[S3_URL_EXTENSION]]),
    );
    expect(marked).toMatchObject({
      presignObjectDownload: { signed: 'read' },
      presignObjectUpload: { signed: 'write' },
      presignObjectDelete: { signed: 'delete' },
      presignMultipartParts: { signed: 'write' },
      getBucket: 'unsigned',
    });
  });

  it('finds URL fields nested in objects and arrays (the walker itself)', () => {
    expect(
      urlFields({
        properties: {
          url: {},
          parts: { items: { properties: { url: {}, size: {} } } },
          qrDataUrl: {},
          home: { format: 'uri' },
        },
      }),
    ).toEqual(['url', 'parts[].url', 'home']);
  });
});
