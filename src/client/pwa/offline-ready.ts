/**
 * "Ready to work offline": the one-time notice's dismissal (kept in localStorage, so it shows once per
 * device) and whether a service worker controls this page (Settings says so in words). The
 * offline-ready signal itself comes from vite-plugin-pwa through sw-update.ts.
 */
const DISMISSED_KEY = 'traguardi.offlineReadyDismissed';

const listeners = new Set<() => void>();
let sessionDismissed = false;

function notify(): void {
  for (const listener of listeners) listener();
}

export function subscribeOfflineReadyDismissed(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function storedDismissal(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function dismissOfflineReady(): void {
  try {
    localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // Storage unavailable (private mode): hidden for this session only.
    sessionDismissed = true;
  }
  notify();
}

/** Dismissed on this device (or, without storage, in this session). */
export function getOfflineReadyDismissed(): boolean {
  return sessionDismissed || storedDismissal();
}

export function serviceWorkerSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

/** A service worker controls this page, so a reload without network still opens the app. */
export function isServiceWorkerControlling(): boolean {
  return serviceWorkerSupported() && navigator.serviceWorker.controller !== null;
}

export function subscribeServiceWorkerControl(listener: () => void): () => void {
  if (!serviceWorkerSupported()) return () => {};
  navigator.serviceWorker.addEventListener('controllerchange', listener);
  return () => navigator.serviceWorker.removeEventListener('controllerchange', listener);
}
