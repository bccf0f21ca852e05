import { useCallback, useEffect, useState } from 'react';
import { readStorageInfo, requestPersistentStorage, type StorageInfo } from '../../pwa/persist-storage.ts';

/** Whether storage is persistent and how much is used; `request` asks the browser again. */
export function useStorageInfo(): { info: StorageInfo | null; request: () => Promise<void> } {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  useEffect(() => {
    let live = true;
    void readStorageInfo().then((next) => live && setInfo(next));
    return () => {
      live = false;
    };
  }, []);
  const request = useCallback(async () => {
    await requestPersistentStorage();
    setInfo(await readStorageInfo());
  }, []);
  return { info, request };
}
