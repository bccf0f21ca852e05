/**
 * Entry point: fonts and styles, the service worker, the shell. Titillium Web comes from the app's
 * own files (latin subset, 400/600/700), never from a CDN, so it works offline and under the CSP.
 */
import './zod-config.ts';
import '@fontsource/titillium-web/latin-400.css';
import '@fontsource/titillium-web/latin-600.css';
import '@fontsource/titillium-web/latin-700.css';
import './ui/styles/base.css';
import './ui/styles/controls.css';
import './ui/styles/shell.css';
import './ui/styles/components.css';
import './ui/styles/phase-card.css';
import './ui/styles/notes.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/i18n-provider.tsx';
import { readStoredLanguage } from './i18n/stored-language.ts';
import { loadCatalog } from './i18n/translate.ts';
import { startServiceWorker } from './pwa/sw-update.ts';
import { App } from './ui/app.tsx';
import { createAppController } from './ui/app-controller.ts';
import { preloadRoute } from './ui/route-view.tsx';
import { parseRoute } from './ui/router/routes.ts';

const controller = createAppController();
preloadRoute(parseRoute(window.location.pathname, window.location.search));
startServiceWorker();

const root = document.getElementById('root');
const language = readStoredLanguage();
// English is its own chunk: fetched (from the service worker's cache offline) before the first render.
void loadCatalog(language)
  .catch(() => undefined)
  .then(() => {
    if (!root) return;
    createRoot(root).render(
      <StrictMode>
        <I18nProvider language={language}>
          <App controller={controller} />
        </I18nProvider>
      </StrictMode>,
    );
  });
