import type { Locator } from '@playwright/test';

/**
 * Picks an option by its visible label in a native <select> or in an ARIA combobox
 * (e.g. Radix Select), so page objects need not care which one the UI uses.
 */
export async function selectOptionByLabel(field: Locator, label: string): Promise<void> {
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    await field.selectOption({ label });
    return;
  }
  await field.click();
  await field.page().getByRole('option', { name: label, exact: true }).click();
}

/** The label of the chosen option of a native <select>, or the text of a combobox. */
export async function selectedOptionLabel(field: Locator): Promise<string> {
  return field.evaluate((el) => {
    if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent?.trim() ?? '';
    return el.textContent?.trim() ?? '';
  });
}

/** The labels of every option of a native <select> or of an opened combobox's listbox. */
export async function optionLabels(field: Locator): Promise<string[]> {
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    return field.locator('option').evaluateAll((options) => options.map((o) => o.textContent?.trim() ?? ''));
  }
  await field.click();
  const labels = await field.page().getByRole('option').allTextContents();
  await field.page().keyboard.press('Escape');
  return labels.map((l) => l.trim());
}
