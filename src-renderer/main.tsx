import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { useHostLink } from './api/host-link';
import { createHttpBridge } from './api/http-bridge';
import { App } from './App';
import { translate, useLanguage } from './i18n';
import { useSession } from './state/session';

// Electron's preload provides window.pst; the browser host has no preload, so talk HTTP.
if (!window.pst) {
  window.pst = createHttpBridge({
    onUnauthorized: () => useSession.getState().expire(),
    networkErrorMessage: () => translate(useLanguage.getState().language, 'common.networkError'),
    onReach: (state) => useHostLink.setState(state),
  });
}

// Any `forbidden` may mean the officer's login ended (idle timeout, account disabled): recheck.
api.setForbiddenHandler((method) => {
  if (method !== 'auth.status' && method !== 'auth.login') void useSession.getState().recheck();
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
