/**
 * A tiny, strict RFC 4180 reader used only by tests to check what the CSV writer produces:
 * quoted fields may hold delimiters, quotes (doubled) and line breaks; every line ends with `\n`
 * or `\r\n`, and a lone `\r` outside quotes also ends a line (as some readers take it), so a
 * writer must quote it. Independent of the package's loaders on purpose.
 */
export function parseCsvReference(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== '' || wasQuoted) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      wasQuoted = false;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('last line has no line ending');
  return rows;
}
