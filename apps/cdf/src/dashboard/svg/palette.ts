/**
 * The dashboard's colours, light and dark. Charts refer to them as CSS variables
 * (`var(--c-actual)`) so the page follows `prefers-color-scheme`; the standalone images get
 * them resolved to hex (see {@link resolvePalette}) because many SVG viewers ignore variables.
 */
export const PALETTE = {
  light: {
    bg: '#f6f7f9',
    panel: '#ffffff',
    border: '#e3e6eb',
    text: '#1c2024',
    muted: '#60646c',
    grid: '#eceef2',
    axis: '#b9bec6',
    actual: '#3e63dd',
    expected: '#8b8d98',
    baseline: '#12a594',
    band: '#3e63dd',
    cost: '#ab4aba',
    target: '#30a46c',
    warning: '#e5484d',
    launch: '#8e4ec6',
    feature_launch: '#8e4ec6',
    viral_event: '#f76b15',
    api_abuse: '#e5484d',
    gradual_growth: '#30a46c',
    low: '#30a46c',
    medium: '#d6a400',
    high: '#f76b15',
    critical: '#e5484d',
    before: '#b9bec6',
    during: '#8e4ec6',
    after: '#3e63dd',
  },
  dark: {
    bg: '#111113',
    panel: '#18191b',
    border: '#2b2d31',
    text: '#edeef0',
    muted: '#9ea3ab',
    grid: '#232528',
    axis: '#43484e',
    actual: '#7b9cff',
    expected: '#9b9ea6',
    baseline: '#0bd8b6',
    band: '#7b9cff',
    cost: '#d19dff',
    target: '#3dd68c',
    warning: '#ff6369',
    launch: '#bf7af0',
    feature_launch: '#bf7af0',
    viral_event: '#ff8b3e',
    api_abuse: '#ff6369',
    gradual_growth: '#3dd68c',
    low: '#3dd68c',
    medium: '#ffe066',
    high: '#ff8b3e',
    critical: '#ff6369',
    before: '#5a6169',
    during: '#bf7af0',
    after: '#7b9cff',
  },
} as const;

/** A colour name of the palette. */
export type ColourName = keyof (typeof PALETTE)['light'];

/** The CSS expression of a palette colour: `var(--c-actual)`. */
export function colour(name: ColourName): string {
  return `var(--c-${name})`;
}

/** CSS declaring every colour as a variable on `selector`, dark values under `prefers-color-scheme`. */
export function paletteCss(selector = ':root'): string {
  const vars = (theme: 'light' | 'dark') =>
    Object.entries(PALETTE[theme])
      .map(([k, v]) => `--c-${k}:${v};`)
      .join('');
  return `${selector}{${vars('light')}}@media (prefers-color-scheme: dark){${selector}{${vars('dark')}}}`;
}

/** Replace every `var(--c-name)` in `markup` by the theme's hex value. */
export function resolvePalette(markup: string, theme: 'light' | 'dark' = 'light'): string {
  const values: Record<string, string> = PALETTE[theme];
  return markup.replace(/var\(--c-([a-z_]+)\)/g, (whole, name: string) => values[name] ?? whole);
}
