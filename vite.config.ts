import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // 'prompt', not 'autoUpdate': a new version must wait for the user's consent, never reloading
      // under unsaved input or while changes are waiting to sync (the app shows the prompt).
      registerType: 'prompt',
      // The app registers the service worker itself through virtual:pwa-register.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Traguardi — obiettivi di performance',
        short_name: 'Traguardi',
        description: 'Avanzamento del piano della performance del PIAO, anche senza rete',
        lang: 'it',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0066cc',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Precache every built asset (lazy chunks and fonts included) so the app opens offline.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // Deep links (/area/3) must open offline too; the API must never be answered by the shell.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // What a click on the reminders' notification does (public/reminders-sw.js); the rest of
        // the worker stays generated (docs/architecture.md, "Reminders").
        importScripts: ['reminders-sw.js'],
      },
    }),
    // A .br (quality 11) and a .gz (level 9) twin of every text asset, made once at build time so
    // the server never spends CPU on them: @fastify/static's preCompressed serves the twin the
    // request's Accept-Encoding asks for (src/server/routes/static.ts). A twin not smaller than its
    // file is not written. sw.js and workbox-*.js are written by vite-plugin-pwa after the bundle,
    // so they have none and @fastify/compress compresses them on the fly.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(html|css|js|mjs|json|webmanifest|svg|txt)$/,
      logLevel: 'silent',
    }),
  ],
  // index.html keeps its modulepreloads (the entry's static imports, fetched in parallel on a first
  // visit); lazy chunks preload nothing more: Vite's helper appended a <link rel=modulepreload> per
  // dependency of every lazy route chunk, ~300 ms of main-thread appendChild on the dashboard's reload
  // at 4x CPU (CDP profile, 2026-12-03; 9 ms without). Their CSS is still loaded (Vite keeps it apart).
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
