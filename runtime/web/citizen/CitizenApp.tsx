import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { AccountPage } from './account/AccountPage.tsx';
import { ConfirmEmailPage } from './account/ConfirmEmailPage.tsx';
import { ForgotPasswordPage } from './account/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from './account/ResetPasswordPage.tsx';
import { TrackingPage } from './anonymous/TrackingPage.tsx';
import { CataloguePage } from './catalogue/CataloguePage.tsx';
import { DemarchePage } from './catalogue/DemarchePage.tsx';
import { DocumentsPage } from './documents/DocumentsPage.tsx';
import { ConfirmationPage } from './filling/ConfirmationPage.tsx';
import { CitizenPage } from './layout/CitizenPage.tsx';
import { DossierPage } from './mine/DossierPage.tsx';
import { MyDossiersPage } from './mine/MyDossiersPage.tsx';
import { LoginPage } from './session/LoginPage.tsx';
import { SignupPage } from './session/SignupPage.tsx';

/**
 * The form pages bring RJSF: loaded when a citizen opens a dossier's form, so the
 * catalogue, login and « Mes dossiers » do not wait for it.
 */
const FillPage = lazy(() =>
  import('./filling/FillPage.tsx').then((module) => ({ default: module.FillPage })),
);

/** The citizens' front office: its pages and their addresses (see paths.ts). */
export function CitizenApp() {
  return (
    <Switch>
      <Route path="/" component={CataloguePage} />
      <Route path="/connexion" component={LoginPage} />
      <Route path="/inscription" component={SignupPage} />
      <Route path="/confirmer" component={ConfirmEmailPage} />
      <Route path="/mot-de-passe-oublie" component={ForgotPasswordPage} />
      <Route path="/reinitialiser" component={ResetPasswordPage} />
      <Route path="/demarches/:slug">{(params) => <DemarchePage slug={params.slug} />}</Route>
      <Route path="/dossiers/:id/remplir">
        {(params) => (
          <Suspense
            fallback={
              <CitizenPage title="Chargement du formulaire">
                <p role="status">Chargement…</p>
              </CitizenPage>
            }
          >
            <FillPage id={params.id} />
          </Suspense>
        )}
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
  );
}
