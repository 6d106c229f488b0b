import { Route, Switch } from 'wouter';
import { ActivityPage } from './activity/ActivityPage';
import { RequireSession } from './auth/RequireSession';
import { useCan } from './auth/session-context';
import { SignInPage } from './auth/SignInPage';
import { FlowEditorPage } from './canvas/FlowEditorPage';
import { EndpointsPage } from './endpoints/EndpointsPage';
import { FlowsPage } from './flows/FlowsPage';
import { EditIntegrationPage, NewIntegrationPage } from './integrations/IntegrationEditorPage';
import { IntegrationLogPage } from './integrations/IntegrationLogPage';
import { IntegrationsPage } from './integrations/IntegrationsPage';
import { ConstantsPage } from './scripting/ConstantsPage';
import { LibrariesPage } from './scripting/LibrariesPage';
import { EditLibraryPage, NewLibraryPage } from './scripting/LibraryEditorPage';
import { AppShell } from './shell/AppShell';
import { IntegrationBuilderPage } from './shell/IntegrationBuilderPage';
import { NotFoundPage } from './shell/NotFoundPage';
import { EditStepPage, NewStepPage } from './steps/StepEditorPage';
import { StepsPage } from './steps/StepsPage';
import { AccountPage } from './users/AccountPage';
import { UserPage } from './users/UserPage';
import { UsersPage } from './users/UsersPage';

/** The start page: the flows for those who may see them, else the person's own account. */
function HomePage() {
  return useCan('runs.view') ? <FlowsPage /> : <AccountPage />;
}

export function App() {
  return (
    <Switch>
      <Route path="/sign-in" component={SignInPage} />
      <Route>
        <RequireSession>
          <AppShell>
            <Switch>
              <Route path="/" component={HomePage} />
              <Route path="/flows" component={FlowsPage} />
              <Route path="/flows/:id" component={FlowEditorPage} />
              <Route path="/activity" component={ActivityPage} />
              <Route path="/integration-builder" component={IntegrationBuilderPage} />
              <Route path="/integration-builder/endpoints" component={EndpointsPage} />
              <Route path="/integration-builder/integrations" component={IntegrationsPage} />
              <Route path="/integration-builder/integrations/new/:kind" component={NewIntegrationPage} />
              <Route path="/integration-builder/integrations/:id/log" component={IntegrationLogPage} />
              <Route path="/integration-builder/integrations/:id" component={EditIntegrationPage} />
              <Route path="/integration-builder/libraries" component={LibrariesPage} />
              <Route path="/integration-builder/libraries/new" component={NewLibraryPage} />
              <Route path="/integration-builder/libraries/:id" component={EditLibraryPage} />
              <Route path="/integration-builder/constants" component={ConstantsPage} />
              <Route path="/steps" component={StepsPage} />
              <Route path="/steps/new" component={NewStepPage} />
              <Route path="/steps/:id" component={EditStepPage} />
              <Route path="/users" component={UsersPage} />
              <Route path="/users/:id" component={UserPage} />
              <Route path="/account" component={AccountPage} />
              <Route component={NotFoundPage} />
            </Switch>
          </AppShell>
        </RequireSession>
      </Route>
    </Switch>
  );
}
