import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppException } from './app-exception';
import { LINE_BREAKS, parseOrThrow, TEXT_LIMITS, textRuleProblems } from './validation';

const fieldsOf = (schema: z.ZodType, value: unknown) => {
  try {
    parseOrThrow(schema, value);
    return null;
  } catch (error) {
    return (error as AppException).fields;
  }
};

describe('the shared text rule', () => {
  const schema = z.object({
    name: z.string().max(64),
    note: z.string().max(500).meta(LINE_BREAKS).optional(),
    free: z.string().optional(),
    tags: z.array(z.object({ label: z.string().max(20) })).optional(),
    when: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
    extra: z.looseObject({}).optional(),
  });

  it('refuses NUL, other C0/C1 controls, DEL and lone surrogates in any string, however deep', () => {
    for (const bad of ['a\u0000b', '\u0001', 'x\u001f', '\u007f', '\u0085', 'a\ud800b', '\udc00'])
      expect(fieldsOf(schema, { name: bad }), JSON.stringify(bad)).toEqual({
        name: 'field_control_characters',
      });
    expect(fieldsOf(schema, { name: 'ok', tags: [{ label: 'a' }, { label: 'b\u0000' }] })).toEqual({
      'tags.1.label': 'field_control_characters',
    });
    expect(fieldsOf(schema, { name: 'ok', extra: { nested: { deep: 'x\u0000' } } })).toEqual({
      'extra.nested.deep': 'field_control_characters',
    });
    expect(fieldsOf(schema, { name: 'Ação 😀 ok' })).toBeNull();
  });

  it('allows tab, CR and LF only in fields documented with LINE_BREAKS', () => {
    expect(fieldsOf(schema, { name: 'a\nb' })).toEqual({ name: 'field_control_characters' });
    expect(fieldsOf(schema, { name: 'ok', note: 'line 1\r\nline 2\tend' })).toBeNull();
    expect(z.toJSONSchema(schema).properties?.note).toMatchObject({ 'x-allow-line-breaks': true });
  });

  it('bounds strings whose schema sets no maximum (and strings no schema describes)', () => {
    const long = 'x'.repeat(TEXT_LIMITS.defaultMaxLength + 1);
    expect(fieldsOf(schema, { name: 'ok', free: long })).toEqual({ free: 'field_too_long' });
    expect(fieldsOf(schema, { name: 'ok', extra: { anything: long } })).toEqual({
      'extra.anything': 'field_too_long',
    });
    expect(fieldsOf(schema, { name: 'ok', free: 'x'.repeat(TEXT_LIMITS.defaultMaxLength) })).toBeNull();
  });

  it('keeps dates between 1970 and 2999, in unions of date and date-time too', () => {
    expect(fieldsOf(schema, { name: 'ok', when: '0410-01-01' })).toEqual({ when: 'field_date_out_of_range' });
    expect(fieldsOf(schema, { name: 'ok', when: '3000-01-01T00:00:00Z' })).toEqual({
      when: 'field_date_out_of_range',
    });
    expect(fieldsOf(schema, { name: 'ok', when: '2026-12-02T10:00:00-03:00' })).toBeNull();
    expect(fieldsOf(schema, { name: 'ok', when: '1970-01-01' })).toBeNull();
  });

  it("merges the rule's problems with the schema's own", () => {
    expect(fieldsOf(schema, { name: 'x'.repeat(65), note: 'a\u0000' })).toEqual({
      name: 'field_too_long',
      note: 'field_control_characters',
    });
    expect(textRuleProblems(undefined, { a: ['\u0000'] })).toEqual({ 'a.0': 'field_control_characters' });
  });
});
