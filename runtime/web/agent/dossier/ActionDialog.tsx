import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { ActionFields } from './ActionFields.tsx';
import type { DossierAction } from './dossierTypes.ts';

interface ActionDialogProps {
  actions: DossierAction[];
  /** The action chosen from the page; null: the dialog first lists them (`a`). */
  initial: string | null;
  /** Inputs typed so far, by transition: kept by the page, so nothing is lost. */
  drafts: Record<string, Record<string, unknown>>;
  saveDraft: (transition: string, values: Record<string, unknown>) => void;
  fire: (transition: string, input: Record<string, unknown> | undefined) => Promise<void>;
  reload: () => Promise<void>;
  close: () => void;
}

/**
 * One accessible dialog for the engine's actions (react-aria: focus trapped and
 * returned, Escape closes, labelled by its heading): pick an action, fill its form,
 * confirm. Refusals come back in the definition's words (guard messages) or the
 * server's French; a revision conflict says that someone else changed the dossier,
 * keeps what was typed and offers to reload before confirming again.
 */
export function ActionDialog({
  actions,
  initial,
  drafts,
  saveDraft,
  fire,
  reload,
  close,
}: ActionDialogProps) {
  const [chosen, setChosen] = useState<string | null>(initial);
  const [problem, setProblem] = useState<{
    message: string;
    fields: Record<string, string[]>;
    stale: boolean;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const action = actions.find((candidate) => candidate.transition === chosen) ?? null;
  const form = useRef<HTMLFormElement>(null);
  // The chosen action's form replaces the list: focus its first field, not the void.
  useEffect(() => {
    if (chosen)
      form.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  }, [chosen]);
  const values = (chosen && drafts[chosen]) || {};
  // Refusals about the dossier's own data (a guard) have no field in this form: list them.
  const own = new Set(Object.keys(propertiesOf(action?.input?.schema)).map((name) => `/${name}`));
  const elsewhere = [
    ...new Set(
      Object.entries(problem?.fields ?? {})
        .filter(([path]) => !own.has(path))
        .flatMap(([, messages]) => messages),
    ),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    setBusy(true);
    setProblem(null);
    try {
      await fire(action.transition, action.input ? values : undefined);
      close();
    } catch (error) {
      const refusal = domainErrorOf(error);
      setProblem({
        stale: refusal?.code === 'STALE_REVISION',
        fields: refusal?.fieldErrors ?? {},
        message:
          refusal?.code === 'STALE_REVISION'
            ? 'Ce dossier a été modifié par quelqu’un d’autre pendant que vous le consultiez. Votre saisie est conservée : rechargez le dossier, vérifiez-le, puis confirmez à nouveau.'
            : (refusal?.message ?? 'L’action n’a pas pu être enregistrée. Veuillez réessayer.'),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => (open ? null : close())}
      className="voile"
    >
      <Modal className="fenetre">
        <Dialog className="dialogue">
          <Heading slot="title">{action ? action.label : 'Actions possibles'}</Heading>
          {problem ? (
            <div className="alerte" role="alert">
              <p>{problem.message}</p>
              {elsewhere.length > 0 ? (
                <ul>
                  {elsewhere.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              ) : null}
              {problem.stale ? (
                <Button
                  onPress={async () => {
                    await reload();
                    setProblem(null);
                  }}
                >
                  Recharger le dossier
                </Button>
              ) : null}
            </div>
          ) : null}
          {action === null ? (
            <ul className="liste-actions">
              {actions.map((candidate, index) => (
                <li key={candidate.transition}>
                  <Button
                    autoFocus={index === 0}
                    isDisabled={(candidate.blockedBy?.length ?? 0) > 0}
                    onPress={() => setChosen(candidate.transition)}
                  >
                    {candidate.label}
                  </Button>
                  {candidate.blockedBy?.map((failure) => (
                    <p className="bloque" key={`${failure.field}-${failure.rule}`}>
                      {failure.message}
                    </p>
                  ))}
                </li>
              ))}
              {actions.length === 0 ? (
                <li>Aucune action n’est possible sur ce dossier pour vous.</li>
              ) : null}
            </ul>
          ) : (
            <form ref={form} className="formulaire" onSubmit={submit} noValidate>
              {action.input ? (
                <ActionFields
                  schema={action.input.schema}
                  values={values}
                  errors={problem?.fields ?? {}}
                  change={(name, value) =>
                    saveDraft(action.transition, { ...values, [name]: value })
                  }
                />
              ) : (
                <p>Confirmez-vous l’action « {action.label} » ?</p>
              )}
              <div className="boutons">
                <button type="submit" disabled={busy}>
                  {busy ? 'Enregistrement…' : 'Confirmer'}
                </button>
                <button type="button" className="secondaire" onClick={close}>
                  Annuler
                </button>
              </div>
            </form>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  if (typeof schema !== 'object' || schema === null || !('properties' in schema)) return {};
  const properties = (schema as { properties: unknown }).properties;
  return typeof properties === 'object' && properties !== null
    ? (properties as Record<string, unknown>)
    : {};
}
