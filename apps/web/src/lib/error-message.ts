import type { Dictionary } from '../i18n';
import { ApiError } from './api';

/** The API's own message (already in the user's language) or a local fallback. */
export function errorMessage(error: unknown, t: Dictionary): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t.errors.network;
    if (error.message) return error.message;
    // A 5xx without an API body comes from the proxy: the API itself is down.
    if (error.status >= 500) return t.errors.serviceUnavailable;
  }
  return t.errors.generic;
}
