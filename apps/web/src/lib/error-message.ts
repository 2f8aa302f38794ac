import type { Dictionary } from '../i18n';
import { ApiError } from './api';

/** The API's own message (already in the user's language) or a local fallback. */
export function errorMessage(error: unknown, t: Dictionary): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t.errors.network;
    if (error.message) return error.message;
  }
  return t.errors.generic;
}
