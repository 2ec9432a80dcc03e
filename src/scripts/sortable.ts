/**
 * Progressive enhancement for tables marked data-sortable: each column heading becomes a
 * button (so it works by keyboard, Enter and Space) that sorts the rows and says so through
 * aria-sort, which the stylesheet also draws as an arrow for the eye. Blank values sort last.
 * The sort hints, hidden in the HTML, are shown once the headings are buttons.
 */
export function enhanceSortableTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const body = table.tBodies[0];
    const headings = table.tHead?.rows[0]?.cells;
    if (!body || !headings) continue;
    Array.from(headings).forEach((th, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.append(...Array.from(th.childNodes));
      th.append(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        for (const other of Array.from(headings)) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const key = (row: HTMLTableRowElement) => {
          const cell = row.cells[column];
          const raw = cell?.dataset.sort ?? cell?.textContent?.trim() ?? '';
          return raw;
        };
        const rows = Array.from(body.rows).sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
          const [nx, ny] = [Number(x), Number(y)];
          const order = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
  for (const hint of root.querySelectorAll<HTMLElement>('[data-sort-hint]')) hint.hidden = false;
}
