// The colour theme chosen in the profile. Kept in a cookie so the server renders <html data-theme>
// on the first byte (no flash of the wrong theme); globals.css holds the dark palette.

export const THEME_COOKIE = 'theme';
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export function normalizeTheme(value: string | undefined | null): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Applies a theme at once in the browser and remembers it for the next page loads. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}
