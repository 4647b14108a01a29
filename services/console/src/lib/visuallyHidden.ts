// Text for screen readers only: a table's header over a column of buttons, the live
// stream's state next to its icon. Kept in the page (not `display: none`), so assistive
// technology reads it, and out of sight.
import type { CSSProperties } from 'react';

/** The style that hides an element from sight but not from screen readers. */
export const VISUALLY_HIDDEN: CSSProperties = { position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 };
