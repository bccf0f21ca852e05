import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { hasNavigated } from '../router/history.ts';

/**
 * The page's h1. On mount it takes focus (so a screen reader announces the new page after a
 * navigation) and sets the document title.
 */
export function PageTitle({
  children,
  title,
  className,
}: {
  children: ReactNode;
  title: string;
  className?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    // Only after an in-app navigation: on first load the skip link must stay the first stop.
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
