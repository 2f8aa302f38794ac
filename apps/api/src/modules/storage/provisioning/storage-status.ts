/** The MinIO status of an account's storage user: disabling it is the suspension lever. */
export function expectedStorageUserStatus(status: string): 'enabled' | 'disabled' {
  return status === 'active' || status === 'read_only' ? 'enabled' : 'disabled';
}
