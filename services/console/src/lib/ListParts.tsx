// Pieces the workspaces' lists share: the button that loads the next page, and the first
// cell's link that opens a row's drawer without the row's own click firing twice.
import type { ReactNode } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a paged list's query offers for loading on. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "More" under a list while the server has another page; nothing once it has not. */
export function MoreButton({ query }: { query: PagedQuery }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Button size="small" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
      {t('common:more')}
    </Button>
  );
}

/** A row's first cell as a link (reachable by Tab and Enter) that opens the row's drawer. */
export function OpenLink({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  return (
    <Button
      type="link"
      size="small"
      style={{ paddingInline: 0 }}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {children}
    </Button>
  );
}
