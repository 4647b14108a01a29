// While a printable page is open, the browser prints its sheet (`.manager-sheet`) alone on A4:
// the shell, menus and buttons are hidden by the print style.
import { useEffect } from 'react';

const STYLE = `
@page { size: A4 portrait; margin: 12mm; }
@media print {
  body * { visibility: hidden !important; }
  .manager-sheet, .manager-sheet * { visibility: visible !important; }
  .manager-sheet { position: absolute; left: 0; top: 0; width: 100% !important; }
  .manager-sheet .no-print { display: none !important; }
}`;

/** Adds the print style while the calling page is shown. */
export function usePrintSheet(): void {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.managerPrint = 'true';
    style.textContent = STYLE;
    document.head.appendChild(style);
    return () => style.remove();
  }, []);
}
