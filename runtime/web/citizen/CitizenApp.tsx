import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { CataloguePage } from './catalogue/CataloguePage.tsx';
import { FillRoute } from './filling/FillRoute.tsx';
import { CitizenPage } from './layout/CitizenPage.tsx';

/**
 * A page loaded when first visited: the catalogue (where citizens land) is in the entry,
 * every other page is its own chunk, so a form page loads RJSF and its own code, not the
 * account, « Mes dossiers » or document safe pages (the citizen's budget is < 150 KB
 * gzipped on a form page: runtime/web/bench/).
 */
function lazyPage<Props extends object>(
  load: () => Promise<Record<string, unknown>>,
  name: string,
): ComponentType<Props> {
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType<Props> })));
}

const LoginPage = lazyPage(() => import('./session/LoginPage.tsx'), 'LoginPage');
const SignupPage = lazyPage(() => import('./session/SignupPage.tsx'), 'SignupPage');
const ConfirmEmailPage = lazyPage(
  () => import('./account/ConfirmEmailPage.tsx'),
  'ConfirmEmailPage',
);
const ForgotPasswordPage = lazyPage(
  () => import('./account/ForgotPasswordPage.tsx'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyPage(
  () => import('./account/ResetPasswordPage.tsx'),
  'ResetPasswordPage',
);
const DemarchePage = lazyPage<{ slug: string }>(
  () => import('./catalogue/DemarchePage.tsx'),
  'DemarchePage',
);
const ConfirmationPage = lazyPage<{ id: string }>(
  () => import('./filling/ConfirmationPage.tsx'),
  'ConfirmationPage',
);
const MyDossiersPage = lazyPage(() => import('./mine/MyDossiersPage.tsx'), 'MyDossiersPage');
const DossierPage = lazyPage<{ id: string }>(() => import('./mine/DossierPage.tsx'), 'DossierPage');
const TrackingPage = lazyPage(() => import('./anonymous/TrackingPage.tsx'), 'TrackingPage');
const DocumentsPage = lazyPage(() => import('./documents/DocumentsPage.tsx'), 'DocumentsPage');
const AccountPage = lazyPage(() => import('./account/AccountPage.tsx'), 'AccountPage');

/** The citizens' front office: its pages and their addresses (see paths.ts). */
export function CitizenApp() {
  return (
    <Suspense
      fallback={
        <CitizenPage title="Chargement">
          <p role="status">Chargement…</p>
        </CitizenPage>
      }
    >
      <Switch>
        <Route path="/" component={CataloguePage} />
        <Route path="/connexion" component={LoginPage} />
        <Route path="/inscription" component={SignupPage} />
        <Route path="/confirmer" component={ConfirmEmailPage} />
        <Route path="/mot-de-passe-oublie" component={ForgotPasswordPage} />
        <Route path="/reinitialiser" component={ResetPasswordPage} />
        <Route path="/demarches/:slug">{(params) => <DemarchePage slug={params.slug} />}</Route>
        <Route path="/dossiers/:id/remplir">
          {(params) => <FillRoute key={params.id} id={params.id} />}
        </Route>
        <Route path="/dossiers/:id/confirmation">
          {(params) => <ConfirmationPage id={params.id} />}
        </Route>
        <Route path="/mes-dossiers" component={MyDossiersPage} />
        <Route path="/mes-dossiers/:id">{(params) => <DossierPage id={params.id} />}</Route>
        <Route path="/suivi" component={TrackingPage} />
        <Route path="/mes-documents" component={DocumentsPage} />
        <Route path="/mon-compte" component={AccountPage} />
        <Route>
          <CitizenPage title="Page introuvable">
            <p>Cette page n’existe pas.</p>
          </CitizenPage>
        </Route>
      </Switch>
    </Suspense>
  );
}
