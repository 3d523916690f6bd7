export type Theme = 'light' | 'dark' | 'system';
const STORAGE_KEY = 'ordo.theme';

export function storedTheme(): Theme {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** 'system' removes the attribute so `prefers-color-scheme` decides. */
export function applyTheme(theme: Theme) {
  if (theme === 'system') {
    delete document.documentElement.dataset.theme;
    localStorage.removeItem(STORAGE_KEY);
  } else {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(STORAGE_KEY, theme);
  }
}

export const nextTheme = (theme: Theme): Theme =>
  theme === 'system' ? 'dark' : theme === 'dark' ? 'light' : 'system';
