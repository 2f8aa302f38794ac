import { z } from 'zod';
import { AppException } from './app-exception';
import { isMessageCode, type MessageCode } from './messages';

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

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw AppException.validation(issuesToFields(result.error));
  return result.data;
}
