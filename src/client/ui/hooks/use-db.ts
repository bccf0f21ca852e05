import { useContext } from 'react';
import type { TraguardiDb } from '../../db/schema.ts';
import { DbContext } from '../app-context.ts';

export function useDb(): TraguardiDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside the app shell');
  return db;
}
