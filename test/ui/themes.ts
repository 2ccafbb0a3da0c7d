// The theme colours VS Code hands a webview, for the ones chat.css reads: the
// workbench sets each `--vscode-*` property on the page's <html> element and
// a class naming the kind of theme on <body>. The values are those of the
// default themes of VS Code 1.100 (Dark Modern, Light Modern, Dark High
// Contrast), so the browser tests see the chat as a user would.
import type { Page } from 'playwright-core';

export type ThemeName = 'dark' | 'light' | 'high-contrast';

interface Theme {
  bodyClass: string;
  colors: Record<string, string>;
}

const themes: Record<ThemeName, Theme> = {
  dark: {
    bodyClass: 'vscode-dark',
    colors: {
      foreground: '#cccccc',
      descriptionForeground: '#9d9d9d',
      'sideBar-background': '#181818',
      'panel-border': '#2b2b2b',
      focusBorder: '#0078d4',
      'textLink-foreground': '#4daafc',
      'textCodeBlock-background': '#2b2b2b',
      'input-background': '#313131',
      'input-foreground': '#cccccc',
      'input-border': '#3c3c3c',
      'input-placeholderForeground': '#989898',
      'dropdown-background': '#313131',
      'dropdown-foreground': '#cccccc',
      'dropdown-border': '#3c3c3c',
      'checkbox-background': '#313131',
      'checkbox-foreground': '#cccccc',
      'checkbox-border': '#3c3c3c',
      'button-background': '#0078d4',
      'button-foreground': '#ffffff',
      'button-secondaryBackground': '#313131',
      'button-secondaryForeground': '#cccccc',
      'button-border': '#ffffff1a',
      'badge-background': '#616161',
      'badge-foreground': '#f8f8f8',
      'textBlockQuote-background': '#2b2b2b',
      'textBlockQuote-border': '#616161',
      'editorWidget-background': '#202020',
      errorForeground: '#f85149',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    colors: {
      foreground: '#3b3b3b',
      descriptionForeground: '#3b3b3b',
      'sideBar-background': '#f8f8f8',
      'panel-border': '#e5e5e5',
      focusBorder: '#005fb8',
      'textLink-foreground': '#005fb8',
      'textCodeBlock-background': '#f8f8f8',
      'input-background': '#ffffff',
      'input-foreground': '#3b3b3b',
      'input-border': '#cecece',
      'input-placeholderForeground': '#767676',
      'dropdown-background': '#ffffff',
      'dropdown-foreground': '#3b3b3b',
      'dropdown-border': '#cecece',
      'checkbox-background': '#f8f8f8',
      'checkbox-foreground': '#3b3b3b',
      'checkbox-border': '#cecece',
      'button-background': '#005fb8',
      'button-foreground': '#ffffff',
      'button-secondaryBackground': '#e5e5e5',
      'button-secondaryForeground': '#3b3b3b',
      'button-border': '#0000001a',
      'badge-background': '#cccccc',
      'badge-foreground': '#3b3b3b',
      'textBlockQuote-background': '#f8f8f8',
      'textBlockQuote-border': '#e5e5e5',
      'editorWidget-background': '#f8f8f8',
      errorForeground: '#f85149',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    colors: {
      foreground: '#ffffff',
      descriptionForeground: '#ffffff',
      'sideBar-background': '#000000',
      'panel-border': '#6fc3df',
      focusBorder: '#f38518',
      'textLink-foreground': '#21a6ff',
      'textCodeBlock-background': '#000000',
      'input-background': '#000000',
      'input-foreground': '#ffffff',
      'input-border': '#6fc3df',
      'dropdown-background': '#000000',
      'dropdown-foreground': '#ffffff',
      'dropdown-border': '#6fc3df',
      'checkbox-background': '#000000',
      'checkbox-foreground': '#ffffff',
      'checkbox-border': '#6fc3df',
      'button-foreground': '#ffffff',
      'button-border': '#6fc3df',
      contrastBorder: '#6fc3df',
      'badge-background': '#000000',
      'badge-foreground': '#ffffff',
      'textBlockQuote-border': '#ffffff',
      'editorWidget-background': '#0c141f',
      errorForeground: '#f48771',
    },
  },
};

/** Dresses the page as VS Code would for `name` (through the CSSOM, which the CSP allows). */
export async function applyTheme(page: Page, name: ThemeName): Promise<void> {
  const theme = themes[name];
  await page.evaluate(({ bodyClass, colors }) => {
    const doc = (globalThis as any).document;
    for (const [token, value] of Object.entries(colors)) doc.documentElement.style.setProperty(`--vscode-${token}`, value);
    doc.body.classList.add(bodyClass);
  }, theme);
}
