import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import App from './App';
import { keepSessionsWith, resume } from './auth/session';
import { fieldSessionKeeper, registerShell } from './field/keeper';

// A technician's phone keeps its session (the field app works offline and survives a
// restart); every other role signs in again after a reload.
keepSessionsWith(fieldSessionKeeper);
registerShell();

const root = document.getElementById('root');
if (root) {
  void resume()
    .catch(() => undefined)
    .finally(() => {
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
}
