import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on first use that loads again after a failure (offline, or the server was
 * upgraded). `React.lazy` keeps a failure forever, so "retry" could never succeed without a
 * reload, and a reload loses the session (the tokens live only in memory).
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const make = (): ComponentType =>
    lazy(() =>
      load().catch((e: unknown) => {
        current = make();
        throw e;
      }),
    );
  let current = make();
  return function Page() {
    const Current = current;
    return <Current />;
  };
}
