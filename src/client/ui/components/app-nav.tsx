import type { MessageKey } from '../../i18n/it.ts';
import { useT } from '../../i18n/use-t.ts';
import { useReminders } from '../hooks/use-reminders.ts';
import { useRoute } from '../hooks/use-route.ts';
import { useSession } from '../hooks/use-session.ts';
import { useSync } from '../hooks/use-sync.ts';
import { canAdminister } from '../permissions.ts';
import type { Route } from '../router/routes.ts';
import { paths } from '../router/routes.ts';
import { Icon, type IconName } from './icons.tsx';
import { Link } from './link.tsx';
import { ReminderAlerts, ReminderBadge } from './reminder-badge.tsx';

interface NavItem {
  href: string;
  label: MessageKey;
  short: MessageKey;
  icon: IconName;
  section: Route['name'][];
}

const ITEMS: NavItem[] = [
  { href: paths.home(), label: 'nav.home', short: 'nav.home', icon: 'home', section: ['home'] },
  {
    href: paths.dashboard(),
    label: 'nav.dashboard',
    short: 'nav.dashboard',
    icon: 'chart',
    section: ['dashboard', 'area', 'objective', 'phase'],
  },
  { href: paths.search(), label: 'nav.search', short: 'nav.search', icon: 'search', section: ['search'] },
  { href: paths.sync(), label: 'nav.sync', short: 'nav.syncShort', icon: 'sync', section: ['sync'] },
  {
    href: paths.settings(),
    label: 'nav.settings',
    short: 'nav.settings',
    icon: 'gear',
    section: ['settings'],
  },
];

/** Users, sessions and the audit trail: shown to admins only. */
const ADMIN_ITEM: NavItem = {
  href: paths.adminUsers(),
  label: 'nav.admin',
  short: 'nav.adminShort',
  icon: 'people',
  section: ['adminUsers', 'adminAudit', 'planImport'],
};

/** The five sections (six for an admin): a bottom bar on phones, a row in the header on wider screens (CSS decides). */
export function AppNav({ variant }: { variant: 'top' | 'bottom' }) {
  const { t } = useT();
  const route = useRoute();
  const { status } = useSync();
  const attention = status.conflicts + status.rejected;
  const reminders = useReminders();
  const items = canAdminister(useSession().user)
    ? [...ITEMS.slice(0, -1), ADMIN_ITEM, ...ITEMS.slice(-1)]
    : ITEMS;
  return (
    <nav className={variant === 'top' ? 'top-nav' : 'bottom-nav'} aria-label={t('nav.label')}>
      {/* The bottom bar is in every signed-in page (CSS only hides it on wide screens): one owner. */}
      {variant === 'bottom' && <ReminderAlerts view={reminders} />}
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.section.includes(route.name) ? 'page' : undefined}>
              {variant === 'bottom' && <Icon name={item.icon} />}
              {t(variant === 'bottom' ? item.short : item.label)}
              {item.icon === 'home' && <ReminderBadge count={reminders?.count ?? 0} />}
              {item.icon === 'sync' && attention > 0 && (
                <span className="nav-badge">
                  <span aria-hidden="true">{attention}</span>
                  <span className="visually-hidden">{`(${attention})`}</span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
