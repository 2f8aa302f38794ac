import { z } from 'zod';
import { AppException } from './app-exception';
import { isMessageCode, type MessageCode } from './messages';

/**
 * The input rule every string of a request body or query gets by default, before its own schema:
 * - no control characters (C0, DEL, C1) and no lone surrogates; a field whose schema carries
 *   `.meta(LINE_BREAKS)` (documented in the OpenAPI document as `x-allow-line-breaks`) may hold
 *   tab, CR and LF;
 * - at most `TEXT_LIMITS.defaultMaxLength` characters when the schema sets no maximum of its own
 *   (and strings the schema does not describe, e.g. extra members of a loose object, too);
 * - dates and date-times (`z.iso.date()`, `z.iso.datetime()`) between the years
 *   `TEXT_LIMITS.minYear` and `TEXT_LIMITS.maxYear`;
 * - objects and arrays nested at most `TEXT_LIMITS.maxDepth` deep (no request needs more, and
 *   deeper input would exhaust the stack of any recursive reader).
 * Nothing reaches a handler (or PostgreSQL, MinIO, a log) that breaks these, so a NUL or a
 * year 0410 is a 400 with a per-field message, never a 500.
 */
export const TEXT_LIMITS = { defaultMaxLength: 4096, minYear: 1970, maxYear: 2999, maxDepth: 32 } as const;

/** Metadata for free-text fields that may span several lines (reasons, notes). */
export const LINE_BREAKS = { 'x-allow-line-breaks': true } as const;

/** C0 controls, DEL, C1 controls; tab/CR/LF are tested separately. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\t\r\n]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ISO_YEAR = /^([+-]\d{6}|\d{4})-\d{2}-\d{2}/;

type AnySchema = z.core.$ZodType;
type Def = { type: string; [key: string]: unknown };
const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;

/** Problems of one string against the default rule, given the string schemas that may describe it. */
export function textProblem(value: string, schemas: AnySchema[]): MessageCode | null {
  const candidates = expandUnions(schemas);
  const metas = candidates.flatMap((s) => metaChain(s));
  const lineBreaks = metas.some((m) => m['x-allow-line-breaks'] === true);
  if (CONTROL.test(value) || (!lineBreaks && LINE_BREAK.test(value)) || LONE_SURROGATE.test(value))
    return 'field_control_characters';
  const strings = candidates.map(innermost).filter((s) => defOf(s).type === 'string');
  const declaredMax = strings.map((s) => (s as unknown as { maxLength: number | null }).maxLength);
  const bounded = strings.length > 0 && declaredMax.every((max) => typeof max === 'number');
  if (!bounded && value.length > TEXT_LIMITS.defaultMaxLength) return 'field_too_long';
  const dated = strings.some((s) => ['date', 'datetime'].includes(String(defOf(s).format)));
  if (dated) {
    const year = ISO_YEAR.exec(value)?.[1];
    if (year && (Number(year) < TEXT_LIMITS.minYear || Number(year) > TEXT_LIMITS.maxYear))
      return 'field_date_out_of_range';
  }
  return null;
}

/** Every string in `value`, checked against the rule with the part of `schema` that describes it. */
export function textRuleProblems(schema: AnySchema | undefined, value: unknown): Record<string, MessageCode> {
  const problems: Record<string, MessageCode> = {};
  const walk = (schemas: AnySchema[], current: unknown, path: Array<string | number>) => {
    if (path.length > TEXT_LIMITS.maxDepth) {
      problems[path.slice(0, TEXT_LIMITS.maxDepth).join('.')] ??= 'field_invalid';
      return;
    }
    if (typeof current === 'string') {
      const problem = textProblem(current, schemas);
      if (problem) problems[path.join('.') || '_'] ??= problem;
      return;
    }
    if (Array.isArray(current)) {
      const items = schemas.flatMap((s) => childSchemas(s, 'item'));
      current.forEach((item, index) => walk(items, item, [...path, index]));
      return;
    }
    if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        walk(
          schemas.flatMap((s) => childSchemas(s, key)),
          child,
          [...path, key],
        );
      }
    }
  };
  walk(schema ? [schema] : [], value, []);
  return problems;
}

/** The schema under optional/nullable/default/pipe/... wrappers (a pipe is judged by its input). */
function innermost(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    const next = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as AnySchema | undefined;
    if (def.type === 'lazy') {
      current = (def.getter as () => AnySchema)();
      continue;
    }
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Metadata of the schema and of every wrapper around it. */
function metaChain(schema: AnySchema): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let current: AnySchema | undefined = schema;
  for (let i = 0; current && i < 20; i++) {
    const meta = z.globalRegistry.get(current as z.ZodType);
    if (meta) out.push(meta as Record<string, unknown>);
    const def = defOf(current);
    current = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as AnySchema | undefined;
  }
  return out;
}

/** The schemas that may describe `key` of an object (or an item of an array) under `schema`. */
function childSchemas(schema: AnySchema, key: string): AnySchema[] {
  const base = innermost(schema);
  const def = defOf(base);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      if (Object.prototype.hasOwnProperty.call(shape, key)) return [shape[key]];
      const catchall = def.catchall as AnySchema | undefined;
      return catchall ? [catchall] : [];
    }
    case 'array':
      return key === 'item' ? [def.element as AnySchema] : [];
    case 'record':
      return [def.valueType as AnySchema];
    case 'union':
      return (def.options as AnySchema[]).flatMap((option) => childSchemas(option, key));
    case 'intersection':
      return [def.left as AnySchema, def.right as AnySchema].flatMap((side) => childSchemas(side, key));
    default:
      return [];
  }
}

/** The string members of a union are all candidates for a string value. */
function expandUnions(schemas: AnySchema[]): AnySchema[] {
  return schemas.flatMap((s) => {
    const base = innermost(s);
    const def = defOf(base);
    return def.type === 'union' ? expandUnions(def.options as AnySchema[]) : [s];
  });
}

/** Turns zod issues into per-field message codes (the filter translates them). */
export function issuesToFields(error: z.ZodError): Record<string, MessageCode> {
  const fields: Record<string, MessageCode> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    if (fields[path]) continue;
    fields[path] = issueCode(issue);
  }
  return fields;
}

function issueCode(issue: z.core.$ZodIssue): MessageCode {
  if (isMessageCode(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null))
    return 'field_required';
  if (issue.code === 'too_big') return 'field_too_long';
  return 'field_invalid';
}

/** Parses with the shared text rule first, then the schema; any problem is a 400 with per-field codes. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const input = value ?? {};
  const textProblems = textRuleProblems(schema, input);
  const result = schema.safeParse(input);
  if (!result.success || Object.keys(textProblems).length) {
    const fields = result.success ? {} : issuesToFields(result.error);
    throw AppException.validation({ ...fields, ...textProblems });
  }
  return result.data;
}
