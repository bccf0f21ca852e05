import { useT } from '../../i18n/use-t.ts';
import { Link } from './link.tsx';

/** Where the page sits in the plan: Cruscotto › area › objective. The last crumb is the page itself. */
export function Breadcrumb({ items }: { items: { href: string; label: string }[] }) {
  const { t } = useT();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href}>{item.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
