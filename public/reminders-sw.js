/*
 * Imported by the service worker that vite-plugin-pwa generates (vite.config.ts, workbox
 * `importScripts`): what a click on the reminders' notification does. Plain JavaScript, served as
 * it is from public/, because the generated worker can only import a script by its URL; the rest of
 * the worker stays Workbox's own. The tag and the message type are those of
 * src/client/pwa/reminder-notification.ts (REMINDER_TAG, OPEN_MESSAGE).
 *
 * An open tab of the app is focused and asked to show Il mio lavoro through its own router (so a
 * form being filled in is not thrown away by a reload); with no tab open, the app opens there.
 */
/* global self, URL */
const REMINDER_TAG = 'traguardi-reminders';
const OPEN_MESSAGE = 'traguardi:open';

self.addEventListener('notificationclick', (event) => {
  const notification = event.notification;
  if (notification.tag !== REMINDER_TAG) return;
  notification.close();
  const path = notification.data && typeof notification.data.url === 'string' ? notification.data.url : '/';
  const url = new URL(path, self.location.origin);
  // Only a page of this app, whatever the notification's data says.
  const target = url.origin === self.location.origin ? url.pathname + url.search : '/';
  event.waitUntil(
    (async () => {
      const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const tab = tabs.find((c) => new URL(c.url).origin === self.location.origin);
      if (tab) {
        await tab.focus();
        tab.postMessage({ type: OPEN_MESSAGE, url: target });
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});
