import { useId, useRef, useState } from 'react';
import { useImportMarks, useMarks } from '../api/marks.ts';

/**
 * "Export" saves every mark (read, saved) as a JSON file; "Import" adds those of such a file,
 * after checking all of it: a malformed or hostile file is refused with a message, and changes
 * nothing.
 */
export function MarksTransfer() {
  const marks = useMarks();
  const importMarks = useImportMarks();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [message, setMessage] = useState('');

  // The file format and its checks load when first used, not with the page.
  const format = () => import('../utils/marks-file.ts');

  const exportMarks = async () => {
    const { marksFile } = await format();
    const blob = new Blob([JSON.stringify(marksFile(marks.values()), null, 1)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'news-reader-marks.json';
    link.click();
    URL.revokeObjectURL(link.href);
    setMessage(`Exported ${marks.size.toLocaleString('en')} marks.`);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const { maxMarksFileBytes, readMarksFile } = await format();
    const read =
      file.size > maxMarksFileBytes
        ? { error: 'The file is too large to be an export of this reader.' }
        : readMarksFile(await file.text());
    if ('error' in read) {
      setMessage(`Nothing imported. ${read.error}`);
    } else {
      importMarks(read.marks);
      setMessage(`Imported ${read.marks.length.toLocaleString('en')} marks.`);
    }
    if (input.current) input.current.value = '';
  };

  return (
    <section className="marks-transfer" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="sidebar-heading">
        Read and saved
      </h2>
      <p className="marks-note">Kept in this browser only.</p>
      <button type="button" className="link-button" onClick={() => void exportMarks()}>
        Export
      </button>
      <button type="button" className="link-button" onClick={() => input.current?.click()}>
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label="A file of marks to import"
        hidden
        onChange={(event) => void importFile(event.target.files?.[0])}
      />
      <p aria-live="polite" className="marks-note">
        {message}
      </p>
    </section>
  );
}
