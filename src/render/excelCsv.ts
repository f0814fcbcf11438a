// CSV for Swedish Excel: BOM so å/ä/ö open right, ';' because Excel in Swedish expects it, CRLF, quotes where needed.
export function excelCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(quoteField).join(';')).join('\r\n')}\r\n`;
}

function quoteField(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
