// The workspaces the signed-in role may open, as the shell's menu lists them. Pages read
// them from here (the home page lists them) instead of importing the route table, which
// loads the pages themselves.
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

/** What a link to a workspace shows. */
export interface WorkspaceLink {
  /** Menu key and test id (`nav-<key>`). */
  key: string;
  /** Route path below `/` (`desk`, `board`); children use `path/*`. */
  path: string;
  /** i18n key of the menu label, `namespace:key`. */
  label: string;
  /** Menu icon. */
  icon: ReactNode;
}

/** The signed-in role's workspaces, provided by the shell. */
export const WorkspaceMenu = createContext<WorkspaceLink[]>([]);

/** The workspaces the signed-in role may open, in menu order. */
export function useWorkspaceMenu(): WorkspaceLink[] {
  return useContext(WorkspaceMenu);
}
