/** A column: its header and whether its cells are figures (right-aligned). */
export type Column = { header: string; figures?: boolean };

/** A cell may not break the table: a "|" inside it is escaped, a line break becomes a space. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/**
 * A Markdown table without padding (the terminal tables of `table.ts` pad every column, which
 * would make the READMEs' wide tables several times their size).
 * @throws RangeError when a row has another number of cells than there are columns.
 */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length)
      throw new RangeError(
        `table row ${i + 1} has ${row.length} cells for ${columns.length} columns (${columns.map((c) => c.header).join(', ')})`,
      );
  }
  return [line(columns.map((c) => c.header)), `|${columns.map((c) => (c.figures ? '--:' : '---')).join('|')}|`, ...rows.map(line)].join(
    '\n',
  );
}
