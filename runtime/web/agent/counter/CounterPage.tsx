import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useEffect, useRef, useState } from 'react';
import type { AppRouter } from '../../../server/router.ts';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC, useTRPCClient } from '../../api/trpcContext.ts';
import { useSourceSearch } from '../../api/useSourceSearch.ts';
import {
  ErrorSummary,
  loadValidators,
  type PageError,
  PageForm,
  pageErrors,
  submitAction,
  toPageErrors,
  useDossierFormParts,
  type ValidatorMap,
} from '../../forms/index.ts';
import { AppShell } from '../../shell/AppShell.tsx';
import { AccountBar, type Me } from '../AccountBar.tsx';
import { dossierPath } from '../navigation/agentRoute.ts';
import { useAgentRoute } from '../navigation/useAgentRoute.ts';

/**
 * The form of a dossier the agent opened (« Nouveau dossier »): the citizens' own form
 * pieces (`runtime/web/forms`), every step on one page, filled and filed through
 * `counter.saveDraft` and `counter.submit` — on behalf of the person at the counter, or
 * as the agent's own (an internal note). Filed, the agent's own dossier opens in the
 * dossier screen; a person's shows its reference and, without an account, the tracking
 * code to hand over.
 */
export function CounterPage({ id, me }: { id: string; me: Me }) {
  const trpc = useTRPC();
  const dossier = useQuery({
    ...trpc.counter.get.queryOptions({ id }),
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const version = dossier.data?.demarche;
  const validators = useQuery({
    queryKey: ['validators', version?.id, version?.version],
    queryFn: () =>
      loadValidators({
        tenant: me.tenant.slug,
        demarcheId: version!.id,
        version: version!.version,
      }),
    enabled: version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (dossier.isError || validators.isError) {
    return (
      <AppShell brand="Guichet" tagline="Espace agents" title="Dossier indisponible">
        <AccountBar me={me} />
        <p role="alert">
          {domainErrorOf(dossier.error)?.message ?? 'Le formulaire n’a pas pu être chargé.'}
        </p>
        <a href="/agent/">Retour à la file</a>
      </AppShell>
    );
  }
  if (!dossier.data || !validators.data) {
    return (
      <AppShell brand="Guichet" tagline="Espace agents" title="Nouveau dossier">
        <AccountBar me={me} />
        <p role="status">Chargement…</p>
      </AppShell>
    );
  }
  return <CounterForm view={dossier.data} validators={validators.data} me={me} />;
}

type View = inferRouterOutputs<AppRouter>['counter']['get'];

function CounterForm(props: { view: View; validators: ValidatorMap; me: Me }) {
  const { view, validators, me } = props;
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useAgentRoute();
  const [answers, setAnswers] = useState<Record<string, unknown>>(view.data);
  const [attempt, setAttempt] = useState(0);
  const [errors, setErrors] = useState<PageError[]>([]);
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<{ reference: string; trackingCode: string | null } | null>(
    null,
  );
  const revision = useRef(view.revision);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const sources = useSourceSearch({
    tenant: me.tenant.slug,
    demarche: view.demarche.slug,
    version: view.demarche.version,
  });
  const { steps, form, data, latestData, validator, validateRoot, context } = useDossierFormParts({
    dossierId: view.id,
    form: view.form,
    answers,
    attachments: view.attachments,
    validators,
    sources,
  });
  useEffect(() => {
    if (filed) doneRef.current?.focus();
  }, [filed]);

  const editable = (field: string) =>
    view.editableFields === '*' || view.editableFields.includes(field);
  const allFields = steps.flatMap((step) => step.fields);

  async function file() {
    // A text input keeps what was just typed until it loses focus: blur it first.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    await new Promise((resolve) => setTimeout(resolve, 0));
    setAttempt((count) => count + 1);
    const local = validateRoot ? pageErrors(validateRoot, latestData.current, allFields) : [];
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    const action = submitAction(view.allowedActions);
    if (!action) {
      setErrors(toPageErrors({ '': ['Ce dossier ne peut pas être déposé dans son état actuel.'] }));
      return;
    }
    setBusy(true);
    try {
      const changes = Object.fromEntries(
        Object.entries(latestData.current).filter(([field]) => editable(field)),
      );
      const saved = await client.counter.saveDraft.mutate({
        id: view.id,
        data: changes,
        revision: revision.current,
      });
      revision.current = saved.revision;
      const done = await client.counter.submit.mutate({
        id: view.id,
        transition: action.transition,
        revision: saved.revision,
        idempotencyKey: crypto.randomUUID(),
      });
      await queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() });
      if (view.applicant.self) {
        navigate(dossierPath(view.id));
        return;
      }
      setFiled({ reference: done.reference ?? '', trackingCode: done.trackingCode });
    } catch (error) {
      const refusal = domainErrorOf(error);
      const fieldErrors = refusal?.fieldErrors ?? {};
      setErrors(
        Object.keys(fieldErrors).length > 0
          ? toPageErrors(fieldErrors)
          : toPageErrors({ '': [refusal?.message ?? 'Le serveur n’a pas pu être joint.'] }),
      );
    } finally {
      setBusy(false);
    }
  }

  if (filed) {
    return (
      <AppShell brand="Guichet" tagline="Espace agents" title="Dossier déposé">
        <AccountBar me={me} />
        <h2 ref={doneRef} tabIndex={-1}>
          Dossier {filed.reference} déposé
        </h2>
        {filed.trackingCode ? (
          <p>
            Remettez ce code de suivi à la personne : il ne sera plus affiché.{' '}
            <strong className="code-suivi">{filed.trackingCode}</strong>
          </p>
        ) : (
          <p>La personne le retrouve dans « Mes dossiers » de son compte.</p>
        )}
        <p>
          <a href="/agent/">Retour à la file</a>
        </p>
      </AppShell>
    );
  }
  return (
    <AppShell
      brand="Guichet"
      tagline="Espace agents"
      title={`Nouveau dossier : ${view.demarche.title}`}
    >
      <AccountBar me={me} />
      <p>
        <a href="/agent/">Retour à la file</a>
      </p>
      <p>{view.applicant.self ? 'Vous êtes le demandeur.' : `Pour : ${view.applicant.name}`}</p>
      <form
        className="etape"
        noValidate
        aria-label="Formulaire du dossier"
        onSubmit={(event) => {
          event.preventDefault();
          void file();
        }}
      >
        <ErrorSummary schema={view.form.schema} errors={errors} focusKey={attempt} />
        {steps.map((step) => (
          <section key={step.id} aria-label={step.title}>
            {steps.length > 1 ? <h2>{step.title}</h2> : null}
            <PageForm
              form={form}
              fields={step.fields.filter((field) => editable(field))}
              data={data}
              errors={errors}
              validator={validator}
              context={context}
              onChange={(changes) => setAnswers((known) => ({ ...known, ...changes }))}
              onBlurField={() => {}}
            />
          </section>
        ))}
        <div className="actions">
          <button type="submit" className="bouton" disabled={busy}>
            {submitAction(view.allowedActions)?.label ?? 'Déposer'}
          </button>
        </div>
      </form>
    </AppShell>
  );
}
