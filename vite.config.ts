import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

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
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
