/** A table for the report: a title, column headers, rows of cells, and notes under it. */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  notes?: string[];
}

function cell(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '—';
    return Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3);
  }
  return value.replace(/\|/g, '\\|');
}

/** Render a table as GitHub Markdown. */
export function renderTable(table: ReportTable): string {
  const lines = [
    `### ${table.title}`,
    '',
    `| ${table.columns.join(' | ')} |`,
    `| ${table.columns.map(() => '---').join(' | ')} |`,
  ];
  for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  if (table.notes && table.notes.length > 0) {
    lines.push('');
    for (const note of table.notes) lines.push(`- ${note}`);
  }
  return lines.join('\n');
}
