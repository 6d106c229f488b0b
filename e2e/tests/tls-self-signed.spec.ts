import { HttpsTarget } from '../mocks/https-target';
import { expect, test } from '../fixtures';
import { EndpointDialog } from '../pages/EndpointDialog';
import { uniqueName } from '../support/unique-name';

test('a self-signed HTTPS target fails with TLS_UNTRUSTED_CERT and its certificate, then passes once the endpoint trusts self-signed', async ({
  page,
  api,
  flowEditor,
  activity,
}) => {
  const target = await HttpsTarget.start();
  try {
    const marker = uniqueName('tls-ok').replace(' ', '-');
    target.json('POST', '/secure/orders', { accepted: marker });
    const endpoint = await api.createEndpoint({ name: uniqueName('Self-signed API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
    const flow = await api.createHttpFlow(uniqueName('TLS'), { name: 'Post order', endpointId: endpoint.id, method: 'POST', path: '/secure/orders' });

    // Trust self-signed is off: the handshake is refused before anything is sent.
    await flowEditor.goto(flow.id);
    await flowEditor.run();
    await activity.openLatestRun(/failed/i);
    await activity.openStep(flow.stepName, /failed/i);
    await flowEditor.expectNodeStatus(flow.stepNodeId, 'failed');
    const error = activity.section('Error');
    await expect(error).toContainText('TLS_UNTRUSTED_CERT');
    const certificate = error.getByRole('region', { name: 'Certificate', exact: true });
    await expect(certificate).toBeVisible();
    const fact = (name: string) =>
      certificate.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');
    await expect(fact('Subject')).toContainText(`CN=${target.certificate.commonName}`);
    // Self-signed: it names itself as its issuer.
    await expect(fact('Issuer')).toContainText(`CN=${target.certificate.commonName}`);
    await expect(fact('Subject alternative names')).toContainText('localhost');
    await expect(fact('Subject alternative names')).toContainText('127.0.0.1');
    await expect(fact('Valid from').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expect(fact('Valid to').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    expect(target.requests).toHaveLength(0);

    // Open the endpoint from the step's settings and trust self-signed certificates.
    await flowEditor.select(flow.stepNodeId);
    await flowEditor.settings.getByRole('button', { name: 'Edit endpoint', exact: true }).click();
    const dialog = new EndpointDialog(page);
    await dialog.expectOpen('Edit Endpoint');
    await expect(dialog.trustSelfSignedField).toBeEnabled();
    await expect(dialog.trustSelfSignedField).not.toBeChecked();
    // Only https base URLs can trust self-signed certificates.
    await dialog.baseUrlField.fill(target.baseUrl.replace('https://', 'http://'));
    await expect(dialog.trustSelfSignedField).toBeDisabled();
    await dialog.baseUrlField.fill(target.baseUrl);
    await expect(dialog.trustSelfSignedField).toBeEnabled();
    await dialog.trustSelfSignedField.check();
    await dialog.saveAndClose();

    await flowEditor.run();
    await expect(activity.runButtons).toHaveCount(2, { timeout: 20_000 });
    await activity.openLatestRun(/succeeded/i);
    await activity.openStep(flow.stepName, /succeeded/i);
    await flowEditor.expectNodeStatus(flow.stepNodeId, 'succeeded');
    await expect(activity.body('Response body')).toContainText(marker);
    expect(target.requestsTo('POST', '/secure/orders')).toHaveLength(1);

    // Stored: reopening shows it on.
    await flowEditor.settings.getByRole('button', { name: 'Edit endpoint', exact: true }).click();
    await dialog.expectOpen('Edit Endpoint');
    await expect(dialog.trustSelfSignedField).toBeChecked();
    await dialog.close();
  } finally {
    await target.close();
  }
});
