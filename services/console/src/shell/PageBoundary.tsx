import { Component, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

function Failed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('common:error', { detail: error instanceof Error ? error.message : String(error) })}
      action={
        <Button type="primary" onClick={onRetry}>
          {t('common:retry')}
        </Button>
      }
    />
  );
}

/**
 * Keeps a failing page (a chunk that could not load while offline or after an upgrade, a
 * render error) inside its frame: the header, the live state and the other pages stay,
 * and "retry" renders the page again.
 */
export class PageBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown; key: string }> {
  override state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: unknown; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (this.state.error) return <Failed error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
