import type { ReactNode } from 'react';

/**
 * A table wider than the screen scrolls sideways inside this region, which takes the focus
 * (Tab, then the arrow keys), so a phone or keyboard reaches every column; its columns keep
 * their natural width instead of being squeezed to a character each. It is positioned, so
 * text hidden from sight inside it (a column header over buttons) stays inside the region
 * instead of widening the page.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ position: 'relative', overflowX: 'auto', maxWidth: '100%' }}>
      <div style={{ minWidth: 'max-content' }}>{children}</div>
    </div>
  );
}
