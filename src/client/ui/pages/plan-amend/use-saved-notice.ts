import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * "Saved" after a form closes: the status line takes focus (so keyboard and screen-reader users land
 * somewhere meaningful instead of on the removed form) and is announced.
 */
export function useSavedNotice() {
  const [saved, setSaved] = useState(0);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved > 0) ref.current?.focus();
  }, [saved]);
  const markSaved = useCallback(() => setSaved((n) => n + 1), []);
  return { saved: saved > 0, ref, markSaved };
}
