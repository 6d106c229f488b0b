import { Route, Switch } from 'wouter';
import { FlowEditorPage } from './canvas/FlowEditorPage';
import { EndpointsPage } from './endpoints/EndpointsPage';
import { FlowsPage } from './flows/FlowsPage';
import { AppShell } from './shell/AppShell';
import { IntegrationBuilderPage } from './shell/IntegrationBuilderPage';
import { NotFoundPage } from './shell/NotFoundPage';

export function App() {
  return (
    <AppShell>
      <Switch>
        <Route path="/" component={FlowsPage} />
        <Route path="/flows" component={FlowsPage} />
        <Route path="/flows/:id" component={FlowEditorPage} />
        <Route path="/integration-builder" component={IntegrationBuilderPage} />
        <Route path="/integration-builder/endpoints" component={EndpointsPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </AppShell>
  );
}
