import { useId } from 'react';

/**
 * A running bulk job's progress: a labelled `<progress>` for the eye and for assistive
 * technologies, and a polite live region that says where it stands without taking the
 * focus (announced at each step the worker records, never more than once a second).
 */
export function BulkJobProgress({ done, total }: { done: number; total: number }) {
  const id = useId();
  const said = `${done.toLocaleString('fr-FR')} dossier(s) traité(s) sur ${total.toLocaleString('fr-FR')}`;
  return (
    <div className="progression-groupee">
      <label htmlFor={id}>Traitement en cours</label>
      <progress id={id} max={total} value={done}>
        {said}
      </progress>
      <p aria-live="polite" role="status">
        {said}
      </p>
    </div>
  );
}
