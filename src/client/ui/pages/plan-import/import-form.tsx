import { useId, useState } from 'react';
import type { PlanImportRequest } from '../../../../shared/plan-import.ts';
import { readPlanFile } from './plan-files-api.ts';
import { usePlanT } from './use-plan-t.ts';

export type ImportInput = Omit<PlanImportRequest, 'dryRun' | 'planId'>;

interface ChosenFile {
  name: string;
  format: PlanImportRequest['format'];
  content: string;
}

/**
 * The import's input: the PIAO text pasted, or a CSV/XLSX file read on the device (no parsing here),
 * the year and the title. The input stays as typed whatever the server answers, so a refused file
 * can be fixed and sent again. `onPreview` gets the request, or null when there is nothing to send.
 */
export function ImportForm({
  busy,
  onPreview,
  onChange,
}: {
  busy: boolean;
  onPreview: (input: ImportInput | null) => void;
  onChange: () => void;
}) {
  const { t } = usePlanT();
  const ids = {
    text: useId(),
    file: useId(),
    year: useId(),
    title: useId(),
    hint: useId(),
    fileError: useId(),
  };
  const [source, setSource] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [year, setYear] = useState(() => String(new Date().getFullYear()));
  const [title, setTitle] = useState('');

  const changed = () => onChange();
  const chooseFile = async (chosen: File | undefined) => {
    changed();
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    try {
      const read = await readPlanFile(chosen);
      if (read) setFile({ name: chosen.name, ...read });
      else setFileError(t('import.fileKind'));
    } catch {
      setFileError(t('import.fileUnreadable'));
    }
  };
  const submit = () => {
    const content = source === 'text' ? text : (file?.content ?? '');
    const format = source === 'text' ? 'text' : (file?.format ?? 'csv');
    const trimmedTitle = title.trim();
    onPreview(
      content.trim() === ''
        ? null
        : { format, content, year: Number(year), ...(trimmedTitle ? { title: trimmedTitle } : {}) },
    );
  };
  return (
    <form
      className="card import-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="import-source">
        <legend className="field-label">{t('import.source')}</legend>
        {(['text', 'file'] as const).map((s) => (
          <label key={s} className="import-source-option">
            <input
              type="radio"
              name="import-source"
              value={s}
              checked={source === s}
              onChange={() => {
                changed();
                setSource(s);
              }}
            />
            {t(`import.source.${s}`)}
          </label>
        ))}
      </fieldset>
      {source === 'text' ? (
        <div className="field">
          <label htmlFor={ids.text}>{t('import.text')}</label>
          <p id={ids.hint} className="hint">
            {t('import.textHint')}
          </p>
          <textarea
            id={ids.text}
            className="textarea import-text"
            aria-describedby={ids.hint}
            value={text}
            spellCheck={false}
            onChange={(e) => {
              changed();
              setText(e.target.value);
            }}
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={ids.file}>{t('import.file')}</label>
          <input
            id={ids.file}
            type="file"
            className="input"
            accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? ids.fileError : undefined}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
          {file && <p className="hint">{t('import.fileChosen', { name: file.name })}</p>}
          {fileError && (
            <p id={ids.fileError} className="field-error">
              {fileError}
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.year}>{t('import.year')}</label>
        <input
          id={ids.year}
          className="input import-year"
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          required
          value={year}
          onChange={(e) => {
            changed();
            setYear(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.title}>{t('import.title')}</label>
        <input
          id={ids.title}
          className="input"
          value={title}
          maxLength={500}
          aria-describedby={`${ids.title}-hint`}
          onChange={(e) => {
            changed();
            setTitle(e.target.value);
          }}
        />
        <p id={`${ids.title}-hint`} className="hint">
          {t('import.titleHint', { year })}
        </p>
      </div>
      <button type="submit" className="btn" disabled={busy}>
        {busy ? t('import.previewing') : t('import.preview')}
      </button>
    </form>
  );
}
