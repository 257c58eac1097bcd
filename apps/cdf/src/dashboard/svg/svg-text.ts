/** Escape text for SVG/HTML element content and double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** A coordinate with at most one decimal: keeps the SVG small without visible loss. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Rough width of `text` at `fontSize` in the system UI font, for laying out legends. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}
