/**
 * Entry point: the first screen's styles, the service worker, the shell. Everything here is in the
 * entry chunk, so it stays small: React, the Italian catalog, the header and the sign-in form
 * (bootstrap.ts). Dexie, zod, the sync engine and the pages come with the `device-app` chunk, loaded
 * only when a session is stored or a sign-in completes (docs/architecture.md, "The first screen").
 *
 * No web font here: the sign-in form is written in the system's own font (the `--font` stack's
 * fallbacks), so a first visit downloads no font before it can sign in; Titillium Web comes with the
 * device-app chunk.
 */
// First: zod (in lazy chunks) must find its jitless setting before it builds any schema.
import './zod-config.ts';
// Before React: the IndexedDB read runs while the rest of the entry is evaluated.
import { storedSessionHint } from './early-session-probe.ts';
import './ui/styles/base.css';
import './ui/styles/controls.css';
import './ui/styles/shell.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/i18n-provider.tsx';
import { readStoredLanguage } from './i18n/stored-language.ts';
import { loadCatalog } from './i18n/translate.ts';
import { startServiceWorker } from './pwa/sw-update.ts';
import { App } from './ui/app.tsx';
import { createBootstrap } from './ui/bootstrap.ts';

const boot = createBootstrap({ probe: () => storedSessionHint });
startServiceWorker();

const root = document.getElementById('root');
const language = readStoredLanguage();
// Rendered once the first state is known (a stored session: once the app's chunk is there), so the
// static skeleton of index.html stays on screen until then instead of flashing an empty page.
// English is its own chunk: fetched (from the service worker's cache offline) before the first render.
// A transition: React renders the first screen in slices of a few milliseconds, yielding between them,
// instead of one long task that a phone's input would wait behind.
void Promise.all([loadCatalog(language).catch(() => undefined), boot.ready]).then(() => {
  if (!root) return;
  const reactRoot = createRoot(root);
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <I18nProvider language={language}>
          <App boot={boot} />
        </I18nProvider>
      </StrictMode>,
    );
  });
});
