import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { FormDefinition } from '../../../../shared/definition/types.ts';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC, useTRPCClient } from '../../api/trpcContext.ts';
import { useSourceSearch } from '../../api/useSourceSearch.ts';
import {
  ErrorSummary,
  lazyPart,
  type PageError,
  PageForm,
  pageErrors,
  submitAction,
  toPageErrors,
  useDossierFormParts,
  useStepErrors,
  type ValidatorMap,
  WHOLE_FORM_STEP,
} from '../../forms/index.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { ResendConfirmation } from '../account/ResendConfirmation.tsx';
import { useSafeChooser } from '../documents/useSafeChooser.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { useSession } from '../session/useSession.ts';
import { FillPageLoading } from './FillPageLoading.tsx';
import { SaveStatusLine } from './SaveStatusLine.tsx';
import { type DossierForm, useDossierForm } from './useDossierForm.ts';
import { useDraft } from './useDraft.ts';

/**
 * The review page: its own chunk, fetched once the first step is shown (not before it),
 * so it is there, without a loading state, when the citizen reaches it.
 */
const ReviewStep = lazyPart(
  () => import('./ReviewStep.tsx').then((module) => module.ReviewStep),
  <p role="status">Chargement…</p>,
);

/**
 * Fill a dossier: loads it and its version's validators, then the steps. The démarche's
 * title shows as soon as the dossier is in, while the validators still load.
 */
export function FillPage({ id, askedAt }: { id: string; askedAt: number }) {
  const { dossier, validators } = useDossierForm(id, askedAt);
  if (dossier.isError || validators.isError) {
    const refusal = domainErrorOf(dossier.error);
    return (
      <CitizenPage title="Dossier indisponible">
        <p role="alert">{refusal?.message ?? 'Le formulaire n’a pas pu être chargé. Réessayez.'}</p>
        <Link href={paths.mine}>Retour à mes dossiers</Link>
      </CitizenPage>
    );
  }
  if (!dossier.data || !validators.data) return <FillPageLoading id={id} />;
  return <Steps view={dossier.data} validators={validators.data} />;
}

/**
 * The steps of the form, one at a time (« Étape 2 sur 4 »), then the review and the
 * submission. Leaving a step checks it in the browser (precompiled validators), saves,
 * then asks the server (`dossiers.checkPage`: the form's rules and the page's checks)
 * and skips the next steps whose condition hides them. Focus goes to the step's title.
 */
function Steps({ view, validators }: { view: DossierForm; validators: ValidatorMap }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const draft = useDraft({ id: view.id, data: view.data, revision: view.revision });
  const [step, setStep] = useState(0);
  const [hidden, setHidden] = useState<Record<string, boolean>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const [serverErrors, setServerErrors] = useState<PageError[]>([]);
  const [busy, setBusy] = useState(false);
  // Refused for an unconfirmed address: offer a new confirmation link under the review.
  const [unconfirmed, setUnconfirmed] = useState(false);
  const session = useSession();
  const title = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const safe = useSafeChooser(view.id);
  const sources = useSourceSearch({
    tenant: pageTenant(),
    demarche: view.demarche.slug,
    version: view.demarche.version,
  });
  const { steps, form, data, latestData, validator, validateRoot, context, files } =
    useDossierFormParts({
      dossierId: view.id,
      form: view.form,
      answers: draft.answers,
      attachments: view.attachments,
      validators,
      sources,
      safe,
    });

  useEffect(() => void ReviewStep.preload(), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each step change, to move focus
  useEffect(() => {
    if (moved.current) title.current?.focus();
    moved.current = true;
  }, [step]);

  const page = steps[step];
  const visibleSteps = steps.filter((candidate) => !hidden[candidate.id]);
  const position = page ? visibleSteps.indexOf(page) + 1 : visibleSteps.length + 1;
  const total = visibleSteps.length + 1;
  const clientErrors = useStepErrors(validateRoot, data, page?.fields ?? NO_FIELDS, {
    attempt,
    touched,
  });
  const shown = [...clientErrors, ...serverErrors];

  function go(next: number) {
    setStep(next);
    setAttempt(0);
    setTouched(new Set());
    setServerErrors([]);
  }

  async function visibleAfter(index: number): Promise<number> {
    const known = { ...hidden };
    let next = index + 1;
    for (; next < steps.length; next++) {
      const candidate = steps[next]!;
      if (candidate.id === WHOLE_FORM_STEP) break;
      const checked = await client.dossiers.checkPage.query({ id: view.id, page: candidate.id });
      known[candidate.id] = !checked.visible;
      if (checked.visible) break;
    }
    setHidden(known);
    return next;
  }

  async function leaveStep() {
    if (!page) return;
    // A text input keeps what was just typed until it loses focus (BaseInputTemplate):
    // blur it, and let React apply that last answer before checking the step.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    await new Promise((resolve) => setTimeout(resolve, 0));
    setAttempt((count) => count + 1);
    setServerErrors([]);
    if (validateRoot && pageErrors(validateRoot, latestData.current, page.fields).length > 0) {
      return;
    }
    setBusy(true);
    try {
      if (!(await draft.saveNow())) return;
      if (page.id !== WHOLE_FORM_STEP) {
        const checked = await client.dossiers.checkPage.query({ id: view.id, page: page.id });
        const errors = toPageErrors(checked.fieldErrors);
        if (errors.length > 0) {
          setServerErrors(errors);
          return;
        }
      }
      go(await visibleAfter(step));
    } catch (error) {
      setServerErrors(toPageErrors({ '': [failureMessage(error)] }));
    } finally {
      setBusy(false);
    }
  }

  function back() {
    let previous = step - 1;
    while (previous > 0 && hidden[steps[previous]!.id]) previous -= 1;
    go(Math.max(previous, 0));
  }

  async function submit(idempotencyKey: string): Promise<PageError[]> {
    const action = submitAction(view.allowedActions);
    if (!action)
      return toPageErrors({ '': ['Ce dossier ne peut pas être envoyé dans son état actuel.'] });
    if (!(await draft.saveNow()))
      return toPageErrors({ '': [draft.problem ?? 'Enregistrement impossible.'] });
    try {
      const revision = draft.revision();
      if (view.state.kind === 'draft') {
        await client.dossiers.submit.mutate({
          id: view.id,
          transition: action.transition,
          revision,
          idempotencyKey,
        });
      } else {
        await client.dossiers.act.mutate({ id: view.id, transition: action.transition, revision });
      }
      await queryClient.invalidateQueries({ queryKey: trpc.dossiers.pathKey() });
      navigate(paths.confirmation(view.id));
      return [];
    } catch (error) {
      const refusal = domainErrorOf(error);
      setUnconfirmed(refusal?.code === 'EMAIL_NOT_CONFIRMED');
      const fieldErrors = refusal?.fieldErrors ?? {};
      return Object.keys(fieldErrors).length > 0
        ? toPageErrors(fieldErrors)
        : toPageErrors({ '': [failureMessage(error)] });
    }
  }

  const heading = page ? page.title : 'Vérifiez vos réponses';
  return (
    <CitizenPage title={view.demarche.title}>
      <p className="progression">
        Étape {position} sur {total}
      </p>
      <progress className="barre-progression" max={total} value={position} aria-hidden="true" />
      <SaveStatusLine draft={draft} />
      {page ? (
        <form
          className="etape"
          noValidate
          aria-labelledby="titre-etape"
          onSubmit={(event) => {
            event.preventDefault();
            void leaveStep();
          }}
        >
          <h2 id="titre-etape" tabIndex={-1} ref={title}>
            {heading}
          </h2>
          <ErrorSummary
            schema={view.form.schema}
            errors={shown}
            focusKey={shown.length > 0 ? attempt : 0}
          />
          <PageForm
            form={form}
            fields={page.fields}
            data={data}
            errors={shown}
            validator={validator}
            context={context}
            onChange={draft.change}
            onBlurField={(field) =>
              setTouched((previous) =>
                previous.has(field) ? previous : new Set(previous).add(field),
              )
            }
          />
          <div className="actions">
            {step > 0 ? (
              <button type="button" className="bouton-secondaire" onClick={back}>
                Étape précédente
              </button>
            ) : null}
            <button type="submit" className="bouton" disabled={busy}>
              Continuer
            </button>
          </div>
        </form>
      ) : (
        <>
          <ReviewStep
            titleRef={title}
            heading={heading}
            steps={visibleSteps}
            form={view.form as unknown as FormDefinition}
            data={data}
            files={files}
            actionLabel={submitAction(view.allowedActions)?.label ?? 'Envoyer'}
            onEdit={(pageId) => go(steps.findIndex((candidate) => candidate.id === pageId))}
            onBack={back}
            onSubmit={submit}
          />
          {unconfirmed ? <ResendConfirmation email={session.data?.email} /> : null}
        </>
      )}
    </CitizenPage>
  );
}

const NO_FIELDS: string[] = [];

function failureMessage(error: unknown): string {
  return (
    domainErrorOf(error)?.message ??
    'Le serveur n’a pas pu être joint. Vos réponses restent affichées : réessayez dans un instant.'
  );
}
