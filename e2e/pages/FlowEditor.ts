import { expect, type Locator, type Page } from '@playwright/test';
import { EndpointDialog } from './EndpointDialog';
import { EndpointsListDialog } from './EndpointsListDialog';
import { selectOptionByLabel, selectedOptionLabel } from './select-option';

export type PaletteType = 'manual-trigger' | 'http-trigger' | 'http-request' | 'switch' | 'find-user';
export type NodeStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

/** The flow canvas (`/flows/:id`): toolbar, palette, nodes and edges, step settings. */
export class FlowEditor {
  readonly canvas: Locator;
  readonly pane: Locator;
  readonly palette: Locator;
  readonly settings: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;
  readonly runDialog: Locator;

  constructor(private readonly page: Page) {
    this.canvas = page.locator('.react-flow');
    this.pane = page.locator('.react-flow__pane');
    this.palette = page.getByRole('region', { name: 'Steps palette' });
    this.settings = page.getByRole('region', { name: 'Step settings' });
    this.nodes = page.locator('[data-testid^="node-"]');
    this.edges = page.locator('.react-flow__edge');
    this.runDialog = page.getByRole('dialog', { name: 'Run flow' });
  }

  async goto(flowId: string, selectedStep?: string): Promise<void> {
    await this.page.goto(`/flows/${flowId}${selectedStep ? `?step=${encodeURIComponent(selectedStep)}` : ''}`);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.canvas).toBeVisible();
    await expect(this.palette).toBeVisible();
  }

  // Toolbar

  toolbarButton(name: 'Save' | 'Undo' | 'Redo' | 'Delete' | 'Components' | 'Run'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get savedState(): Locator {
    return this.page.getByText('Saved', { exact: true });
  }

  get unsavedState(): Locator {
    return this.page.getByText('Unsaved changes', { exact: true });
  }

  /** Waits for autosave (about a second after the last edit) to have stored everything. */
  async expectAutosaved(): Promise<void> {
    await expect(this.savedState).toBeVisible({ timeout: 15_000 });
    await expect(this.unsavedState).toBeHidden();
  }

  /** The banner shown when a save was refused because the flow changed elsewhere. */
  get conflictBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'changed elsewhere' });
  }

  async reloadTheirs(): Promise<void> {
    await this.conflictBanner.getByRole('button', { name: 'Reload theirs', exact: true }).click();
    await expect(this.conflictBanner).toBeHidden();
  }

  async overwriteWithMine(): Promise<void> {
    await this.conflictBanner.getByRole('button', { name: 'Overwrite with mine', exact: true }).click();
    await expect(this.conflictBanner).toBeHidden();
  }

  async save(): Promise<void> {
    await this.toolbarButton('Save').click();
    await expect(this.savedState).toBeVisible();
    await expect(this.unsavedState).toBeHidden();
  }

  /** The toolbar's Components drop-down → Endpoints…. */
  async openEndpointsFromComponents(): Promise<EndpointsListDialog> {
    return EndpointsListDialog.openFromComponents(this.page);
  }

  /** Removes the current selection with the toolbar's Delete button. */
  async deleteSelection(): Promise<void> {
    await this.toolbarButton('Delete').click();
  }

  // Palette and nodes

  paletteItem(type: PaletteType): Locator {
    return this.palette.getByTestId(`palette-${type}`);
  }

  /** The node with id `nodeId`. */
  node(nodeId: string): Locator {
    return this.page.getByTestId(`node-${nodeId}`);
  }

  /** The node showing the step name `name`. */
  nodeNamed(name: string): Locator {
    return this.nodes.filter({ hasText: name });
  }

  async nodeIds(): Promise<string[]> {
    const testIds = await this.nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
    return testIds.map((id) => id.replace(/^node-/, '')).sort();
  }

  /**
   * Drags a palette item onto the canvas at `position` (relative to the pane's top-left)
   * with HTML5 drag and drop, and returns the id of the node it created.
   */
  async dragFromPalette(type: PaletteType, position: { x: number; y: number }): Promise<string> {
    return this.dragToCanvas(this.paletteItem(type), position);
  }

  /** The palette's item for the custom step called `name` (under "Custom steps"). */
  customPaletteItem(name: string): Locator {
    return this.palette.locator('[data-testid^="palette-custom-"]').and(this.palette.getByRole('button', { name, exact: true }));
  }

  /** Drags the custom step called `name` onto the canvas; returns the new node's id. */
  async dragCustomFromPalette(name: string, position: { x: number; y: number }): Promise<string> {
    return this.dragToCanvas(this.customPaletteItem(name), position);
  }

  /**
   * A pane position (for dragFromPalette) `dy` pixels below the node's bottom edge and `dx` right
   * of its centre, so a drop lands clear of it whatever the canvas zoom.
   */
  async positionBelow(nodeId: string, dy = 120, dx = 0): Promise<{ x: number; y: number }> {
    const node = await this.node(nodeId).boundingBox();
    const pane = await this.pane.boundingBox();
    if (!node || !pane) throw new Error(`no bounding box for node ${nodeId} or the pane`);
    return { x: Math.round(node.x - pane.x + node.width / 2 + dx), y: Math.round(node.y - pane.y + node.height + dy) };
  }

  /** Drags any palette `item` onto the canvas at `position`; returns the id of the node it created. */
  async dragToCanvas(item: Locator, position: { x: number; y: number }): Promise<string> {
    const before = await this.nodeIds();
    await item.dragTo(this.pane, { targetPosition: position });
    await expect(this.nodes).toHaveCount(before.length + 1);
    const added = (await this.nodeIds()).filter((id) => !before.includes(id));
    const [id] = added;
    if (id === undefined || added.length !== 1) throw new Error(`expected one new node, found ${JSON.stringify(added)}`);
    return id;
  }

  /** Connects the source handle of one node to the target handle of another by dragging. */
  async connect(sourceNodeId: string, targetNodeId: string): Promise<void> {
    const source = this.node(sourceNodeId).locator('.react-flow__handle.source, .react-flow__handle-bottom, .react-flow__handle-right').first();
    const target = this.node(targetNodeId).locator('.react-flow__handle.target, .react-flow__handle-top, .react-flow__handle-left').first();
    const from = await centerOf(source);
    const to = await centerOf(target);
    const edgesBefore = await this.edges.count();
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 10 });
    await this.page.mouse.up();
    await expect(this.edges).toHaveCount(edgesBefore + 1);
  }

  /** A branching step's (Switch) outgoing handle for a case value, or `default`. */
  branchHandle(nodeId: string, branchLabel: string): Locator {
    return this.node(nodeId).getByLabel(`Branch ${branchLabel}`, { exact: true });
  }

  /** Connects one branch handle of a Switch to the target handle of another node by dragging. */
  async connectBranch(sourceNodeId: string, branchLabel: string, targetNodeId: string): Promise<void> {
    const target = this.node(targetNodeId).locator('.react-flow__handle.target, .react-flow__handle-top').first();
    const from = await centerOf(this.branchHandle(sourceNodeId, branchLabel));
    const to = await centerOf(target);
    const edgesBefore = await this.edges.count();
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 10 });
    await this.page.mouse.up();
    await expect(this.edges).toHaveCount(edgesBefore + 1);
  }

  /** The edge with id `edgeId` (its path element). */
  edgePath(edgeId: string): Locator {
    return this.page.getByTestId(`rf__edge-${edgeId}`).locator('path.react-flow__edge-path');
  }

  /** Switch settings: Add case, then type `value` into the new (last) case. */
  async addSwitchCase(value: string): Promise<void> {
    const before = await this.settings.getByRole('textbox', { name: /^Case \d+ value$/ }).count();
    await this.settings.getByRole('button', { name: 'Add case', exact: true }).click();
    await this.field(`Case ${before + 1} value`).fill(value);
  }

  // Canvas tools

  /** Steps currently selected on the canvas. */
  get selectedNodes(): Locator {
    return this.page.locator('.react-flow__node.selected[data-testid^="node-"]');
  }

  /** Sticky notes on the canvas. */
  get notes(): Locator {
    return this.page.locator('[data-testid^="note-"]');
  }

  /** The right-click menu (Step actions / Canvas actions). */
  get contextMenu(): Locator {
    return this.page.getByRole('menu');
  }

  /** Right-clicks a step (or note) and picks `item` from its menu. */
  async stepMenu(target: Locator, item: string): Promise<void> {
    await target.click({ button: 'right', position: { x: 20, y: 12 } });
    await expect(this.contextMenu).toHaveAccessibleName('Step actions');
    await this.contextMenu.getByRole('menuitem', { name: item, exact: true }).click();
    await expect(this.contextMenu).toBeHidden();
  }

  /** Right-clicks the empty canvas at `position` (relative to the pane) and picks `item`. */
  async canvasMenu(position: { x: number; y: number }, item: string): Promise<void> {
    await this.pane.click({ button: 'right', position });
    await expect(this.contextMenu).toHaveAccessibleName('Canvas actions');
    await this.contextMenu.getByRole('menuitem', { name: item, exact: true }).click();
    await expect(this.contextMenu).toBeHidden();
  }

  /** Shift+drag with the mouse from one pane point to another: a selection box. */
  async boxSelect(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const pane = await this.pane.boundingBox();
    if (!pane) throw new Error('no box for the pane');
    await this.page.keyboard.down('Shift');
    await this.page.mouse.move(pane.x + from.x, pane.y + from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(pane.x + (from.x + to.x) / 2, pane.y + (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(pane.x + to.x, pane.y + to.y, { steps: 5 });
    await this.page.mouse.up();
    await this.page.keyboard.up('Shift');
  }

  /** A point on the pane (relative to it) clear of the steps: its top-left area. */
  async pointOnPane(position: { x: number; y: number }): Promise<{ x: number; y: number }> {
    const pane = await this.pane.boundingBox();
    if (!pane) throw new Error('no box for the pane');
    return { x: pane.x + position.x, y: pane.y + position.y };
  }

  get paletteSearch(): Locator {
    return this.palette.getByRole('searchbox', { name: 'Search steps' });
  }

  get overviewMap(): Locator {
    return this.page.locator('.react-flow__minimap');
  }

  get overviewMapToggle(): Locator {
    return this.page.getByRole('button', { name: /^(Hide|Show) overview map$/ });
  }

  /** The badge a node shows when one of its fields references a step that is not upstream (or unknown). */
  invalidReferenceBadge(nodeId: string): Locator {
    return this.node(nodeId).getByLabel('Invalid reference', { exact: true });
  }

  async select(nodeId: string): Promise<void> {
    // Click the node's title area rather than its centre, where a handle or badge might sit.
    await this.node(nodeId).click({ position: { x: 20, y: 12 } });
    await expect(this.settings).toBeVisible();
  }

  needsSettingsBadge(nodeId: string): Locator {
    return this.node(nodeId).getByLabel('Needs settings');
  }

  /**
   * Only the steps in view are rendered: a step the view lost (e.g. when the Activity panel opened
   * below the canvas) is brought back as a person would, with the Fit View control.
   */
  async showStep(nodeId: string): Promise<void> {
    if ((await this.node(nodeId).count()) === 0) await this.page.getByRole('button', { name: 'Fit View' }).click();
    await expect(this.node(nodeId)).toBeVisible();
  }

  async expectNodeStatus(nodeId: string, status: NodeStatus): Promise<void> {
    await this.showStep(nodeId);
    await expect(this.node(nodeId)).toHaveAttribute('data-status', status, { timeout: 20_000 });
  }

  // Settings panel

  get stepNameField(): Locator {
    return this.settings.getByLabel('Step name', { exact: true });
  }

  get endpointField(): Locator {
    return this.settings.getByLabel('Endpoint', { exact: true });
  }

  get methodField(): Locator {
    return this.settings.getByLabel('Method', { exact: true });
  }

  get pathField(): Locator {
    return this.settings.getByLabel('Path', { exact: true });
  }

  get bodyField(): Locator {
    return this.settings.getByLabel('Body', { exact: true });
  }

  /** A settings field by its label (a custom step's inputs are labelled by the definition's input labels). */
  field(label: string): Locator {
    // A required input's label carries an aria-hidden "*": match the accessible name too.
    return this.settings.getByLabel(label, { exact: true }).or(this.settings.getByRole('textbox', { name: label, exact: true }));
  }

  /** "Available data": the outputs of upstream steps and the trigger payload's fields, as buttons. */
  get availableData(): Locator {
    return this.settings.getByRole('region', { name: 'Available data', exact: true });
  }

  /** The Available data button that inserts `{{reference}}` (give the reference without braces). */
  availableReference(reference: string): Locator {
    return this.availableData.getByRole('button', { name: `{{${reference}}}`, exact: true });
  }

  /** Puts the cursor at the end of `field`, then clicks `{{reference}}` in Available data to insert it there. */
  async insertReference(field: Locator, reference: string): Promise<void> {
    await field.click();
    await field.press('End');
    await this.availableReference(reference).click();
  }

  /** The Run dialog's message for the whole run (e.g. references to fix before running). */
  get runError(): Locator {
    return this.runDialog.getByRole('alert');
  }

  async chooseEndpoint(name: string): Promise<void> {
    await selectOptionByLabel(this.endpointField, name);
  }

  async selectedEndpoint(): Promise<string> {
    return selectedOptionLabel(this.endpointField);
  }

  /** The endpoint picker's last entry, "New endpoint…", opening the endpoint dialog. */
  async newEndpointFromPicker(): Promise<EndpointDialog> {
    await selectOptionByLabel(this.endpointField, 'New endpoint…');
    const dialog = new EndpointDialog(this.page);
    await dialog.expectOpen('New Endpoint');
    return dialog;
  }

  // Runs

  get testPayloadField(): Locator {
    return this.runDialog.getByLabel('Test payload', { exact: true });
  }

  async openRunDialog(): Promise<void> {
    await this.toolbarButton('Run').click();
    await expect(this.runDialog).toBeVisible();
  }

  /** Fills the Test payload and presses the dialog's Run; the dialog stays open on an error. */
  async submitRun(payload: string): Promise<void> {
    await this.testPayloadField.fill(payload);
    await this.runDialog.getByRole('button', { name: 'Run', exact: true }).click();
  }

  /** Run → Test payload → Run, and the run starts (the dialog closes). */
  async run(payload = '{}'): Promise<void> {
    await this.openRunDialog();
    await this.submitRun(payload);
    await expect(this.runDialog).toBeHidden();
  }
}

async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no bounding box for ${locator.toString()}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
