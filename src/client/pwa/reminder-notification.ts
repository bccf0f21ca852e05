/**
 * The browser's side of the reminders: the app icon's badge (navigator.setAppBadge, where the
 * browser has it), the notification permission, and the daily notification shown through the
 * service worker's registration (registration.showNotification: the only way on Android, where
 * `new Notification()` throws, and what lets a click open the app when no tab is open). No server
 * push: the page computes the reminders from the device's rows and shows them itself.
 *
 * A click on the notification is handled by public/reminders-sw.js, which the generated service worker
 * imports (vite.config.ts, workbox `importScripts`): it focuses an open tab and asks it to show
 * Il mio lavoro (the message below), or opens the app there.
 */

/** Shared with public/reminders-sw.js: one notification at a time, replaced rather than repeated. */
export const REMINDER_TAG = 'traguardi-reminders';
/** The message the service worker posts to an open tab when the notification is clicked. */
export const OPEN_MESSAGE = 'traguardi:open';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

export function notificationsSupported(): boolean {
  return (
    typeof Notification !== 'undefined' && typeof navigator !== 'undefined' && 'serviceWorker' in navigator
  );
}

export function notificationPermission(): NotificationPermissionState {
  return notificationsSupported() ? Notification.permission : 'unsupported';
}

/** Asks the browser; call only from the user's own gesture (a click), never on load. */
export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  if (!notificationsSupported()) return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    // Very old Safari only had the callback form; treat a failure as "not granted".
    return Notification.permission;
  }
}

/** The number on the installed app's icon; 0 clears it. Silently nothing where unsupported. */
export async function setAppBadgeCount(count: number): Promise<void> {
  if (typeof navigator === 'undefined' || !('setAppBadge' in navigator)) return;
  try {
    if (count > 0) await navigator.setAppBadge(count);
    else await navigator.clearAppBadge();
  } catch {
    // Not installed, or the platform refuses: the badge in the app's own navigation remains.
  }
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!notificationsSupported()) return null;
  return (await navigator.serviceWorker.getRegistration().catch(() => undefined)) ?? null;
}

/** True when a notification can be shown now: permission granted and a service worker registered. */
export async function canShowNotification(): Promise<boolean> {
  return notificationPermission() === 'granted' && (await registration()) !== null;
}

export interface ReminderNotification {
  title: string;
  body: string;
  lang: string;
  /** Where a click leads (Il mio lavoro). */
  url: string;
}

/** Shows (or replaces, same tag) the reminders' notification; false when it could not. */
export async function showReminderNotification(n: ReminderNotification): Promise<boolean> {
  const reg = await registration();
  if (!reg || notificationPermission() !== 'granted') return false;
  try {
    await reg.showNotification(n.title, {
      body: n.body,
      lang: n.lang,
      tag: REMINDER_TAG,
      icon: '/icons/icon-192.png',
      data: { url: n.url },
    });
    return true;
  } catch {
    return false;
  }
}

/** Closes the reminders' notification if one is showing (reminders turned off, nothing left to say). */
export async function closeReminderNotifications(): Promise<void> {
  const reg = await registration();
  if (!reg) return;
  const shown = await reg.getNotifications({ tag: REMINDER_TAG }).catch(() => []);
  for (const notification of shown) notification.close();
}

/** Calls `open(url)` when the service worker relays a click on the notification to this tab. */
export function subscribeNotificationOpen(open: (url: string) => void): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => {};
  const listener = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data !== 'object' || data === null) return;
    const { type, url } = data as { type?: unknown; url?: unknown };
    // Only a path of this app: a message cannot send the tab elsewhere.
    if (type === OPEN_MESSAGE && typeof url === 'string' && url.startsWith('/') && !url.startsWith('//'))
      open(url);
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
