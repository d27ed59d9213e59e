import { useRef, useState } from 'react';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  validUntilFor,
} from '../../../../shared/documents/index.ts';
import { putInSafe } from './putInSafe.ts';

/** What the date field asks, by the kind's validity rule. */
const DATE_QUESTION = {
  until: { label: 'Date de fin de validité (obligatoire)', hint: 'Elle figure sur le document.' },
  months: {
    label: 'Date du document (obligatoire)',
    hint: 'La date d’émission imprimée sur le document : sa validité en est déduite.',
  },
  free: { label: 'Valable jusqu’au (facultatif)', hint: 'Laissez vide s’il n’expire pas.' },
} as const;

const KINDS = Object.entries(DOCUMENT_KINDS) as Array<
  [DocumentKind, (typeof DOCUMENT_KINDS)[DocumentKind]]
>;

/**
 * « Ajouter un document »: its kind (which says how long it is valid: an identity card
 * until the date printed on it, a proof of address 3 months from its date — rules of
 * `shared/documents`), its name, the date the kind asks for, the file. `onAdded` gets the
 * status line to say; `onProblem` a French refusal.
 */
export function AddDocumentForm(props: {
  onAdded: (message: string) => Promise<void>;
  onProblem: (message: string) => void;
}) {
  const [kind, setKind] = useState<DocumentKind>('identite');
  const [label, setLabel] = useState<string>(DOCUMENT_KINDS.identite.label);
  const [typedDate, setTypedDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const rule = DOCUMENT_KINDS[kind].validity.kind;
  const question = DATE_QUESTION[rule];
  const validUntil = validUntilFor(kind, typedDate);

  function chooseKind(next: DocumentKind) {
    // The name follows the kind until the citizen writes one of their own.
    if (KINDS.some(([, known]) => known.label === label) || label.trim() === '') {
      setLabel(DOCUMENT_KINDS[next].label);
    }
    setKind(next);
  }

  async function add() {
    if (label.trim() === '' || file === null) {
      props.onProblem('Indiquez le nom du document et choisissez un fichier.');
      return;
    }
    if (rule !== 'free' && validUntil === null) {
      props.onProblem(`Indiquez la ${question.label.replace(' (obligatoire)', '').toLowerCase()}.`);
      return;
    }
    setSending(true);
    try {
      const stored = await putInSafe({ file, label: label.trim(), validUntil: validUntil ?? '' });
      setLabel(DOCUMENT_KINDS[kind].label);
      setTypedDate('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      await props.onAdded(`« ${stored.label} » a été ajouté à vos documents.`);
    } catch (error) {
      props.onProblem(
        error instanceof Error ? error.message : 'Le document n’a pas pu être envoyé.',
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <div className="champ">
        <label htmlFor="document-type">Type de document</label>
        <select
          id="document-type"
          value={kind}
          onChange={(event) => chooseKind(event.target.value as DocumentKind)}
        >
          {KINDS.map(([value, known]) => (
            <option key={value} value={value}>
              {known.label}
            </option>
          ))}
        </select>
      </div>
      <div className="champ">
        <label htmlFor="document-nom">Nom du document</label>
        <p id="document-nom-aide" className="aide">
          Par exemple : Justificatif de domicile.
        </p>
        <input
          id="document-nom"
          type="text"
          maxLength={120}
          value={label}
          aria-describedby="document-nom-aide"
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      <div className="champ">
        <label htmlFor="document-date">{question.label}</label>
        <p id="document-date-aide" className="aide">
          {question.hint}
          {rule === 'months' && validUntil ? ` Valable jusqu’au ${frenchDay(validUntil)}.` : null}
        </p>
        <input
          id="document-date"
          type="date"
          value={typedDate}
          aria-describedby="document-date-aide"
          onChange={(event) => setTypedDate(event.target.value)}
        />
      </div>
      <div className="champ">
        <label htmlFor="document-fichier">Fichier (PDF ou image, 10 Mo au plus)</label>
        <input
          id="document-fichier"
          type="file"
          accept="application/pdf,image/*"
          ref={fileInput}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="bouton" disabled={sending}>
          Ajouter à mes documents
        </button>
      </div>
    </form>
  );
}

/**
 * `YYYY-MM-DD` as « 15 avril 2026 », that calendar day whatever the browser's zone.
 *
 * @example
 * frenchDay('2026-04-15'); // '15 avril 2026'
 */
export function frenchDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
