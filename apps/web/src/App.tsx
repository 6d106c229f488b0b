import { Route, Switch } from 'wouter';
import { FlowEditorPage } from './canvas/FlowEditorPage';
import { EndpointsPage } from './endpoints/EndpointsPage';
import { FlowsPage } from './flows/FlowsPage';
import { AppShell } from './shell/AppShell';
import { IntegrationBuilderPage } from './shell/IntegrationBuilderPage';
import { NotFoundPage } from './shell/NotFoundPage';
import { EditStepPage, NewStepPage } from './steps/StepEditorPage';
import { StepsPage } from './steps/StepsPage';

export function App() {
  return (
    <AppShell>
      <Switch>
        <Route path="/" component={FlowsPage} />
        <Route path="/flows" component={FlowsPage} />
        <Route path="/flows/:id" component={FlowEditorPage} />
        <Route path="/integration-builder" component={IntegrationBuilderPage} />
        <Route path="/integration-builder/endpoints" component={EndpointsPage} />
        <Route path="/steps" component={StepsPage} />
        <Route path="/steps/new" component={NewStepPage} />
        <Route path="/steps/:id" component={EditStepPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </AppShell>
  );
}
