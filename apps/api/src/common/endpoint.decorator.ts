import { applyDecorators, HttpCode, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

export const BODY_SCHEMA = 'csp:body-schema';
export const QUERY_SCHEMA = 'csp:query-schema';
export const RESPONSE_SCHEMA = 'csp:response-schema';

/** JSON Schema (OpenAPI 3.0 flavour) of a zod schema, as it is after parsing input. */
export function toOpenApi(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json;
}

export interface EndpointOptions {
  summary: string;
  operationId: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
  errors?: number[];
  /**
   * Required on every operation whose response carries a URL for the S3 endpoint (OpenAPI
   * `x-s3-url`): `signed` with the operation class the URL's credential is limited to, or
   * `unsigned` for a plain address. A unit test fails when a URL field has no marker, and the
   * presigned-guard integration test replays every marked URL with dangerous S3 headers.
   */
  s3Url?: { signed: 'read' | 'write' | 'delete' } | 'unsigned';
}

/** The OpenAPI extension that marks operations returning S3 URLs. */
export const S3_URL_EXTENSION = 'x-s3-url';

/**
 * Describes an endpoint once: OpenAPI operation, request schemas (validated by ValidationInterceptor)
 * and the response schema the typed client is generated from (answers are checked against it by
 * ResponseValidationInterceptor in tests and development).
 */
export function Endpoint(options: EndpointOptions): MethodDecorator {
  const status = options.status ?? 200;
  const decorators: Array<MethodDecorator | ClassDecorator> = [
    ApiOperation({ summary: options.summary, operationId: options.operationId }),
    HttpCode(status),
    ApiResponse(
      options.response
        ? { status, schema: toOpenApi(options.response) }
        : { status, description: 'No content' },
    ),
  ];
  if (options.response) decorators.push(SetMetadata(RESPONSE_SCHEMA, options.response));
  if (options.s3Url) decorators.push(ApiExtension(S3_URL_EXTENSION, options.s3Url));
  for (const code of options.errors ?? []) {
    decorators.push(ApiResponse({ status: code, schema: { $ref: '#/components/schemas/ApiError' } }));
  }
  if (options.body) {
    decorators.push(
      ApiBody({ schema: toOpenApi(options.body, 'input') }),
      SetMetadata(BODY_SCHEMA, options.body),
    );
  }
  if (options.query) {
    for (const [name, field] of Object.entries(options.query.shape)) {
      const fieldSchema = field as z.ZodType;
      decorators.push(
        ApiQuery({
          name,
          required: !fieldSchema.safeParse(undefined).success,
          schema: toOpenApi(fieldSchema, 'input'),
        }),
      );
    }
    decorators.push(SetMetadata(QUERY_SCHEMA, options.query));
  }
  return applyDecorators(...decorators);
}
