/**
 * The two-city brief's print button: hidden in the HTML, since without a script it would do
 * nothing, and shown once it can open the browser's print dialog (the print stylesheet does
 * the rest, so the browser's own print command gives the same brief).
 */
export function enhancePrintButtons(root: Document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-print-brief]')) {
    button.addEventListener('click', () => root.defaultView?.print());
    button.hidden = false;
  }
}
