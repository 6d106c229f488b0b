/** Marks the settings fields that may hold `{{…}}` references (where Available data inserts). */
export const REFERENCE_FIELD_SELECTOR = '[data-references]';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** True for an element Available data can insert into. */
export function isReferenceField(element: EventTarget | null): element is TextControl {
  return (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && element.matches(REFERENCE_FIELD_SELECTOR);
}

/**
 * Puts `text` into a field at its cursor (replacing a selection), or at the end when it never had
 * focus, and fires the input event a person's typing would, so the form sees the change.
 */
export function insertIntoField(field: TextControl, text: string, atCursor: boolean): void {
  const start = atCursor ? (field.selectionStart ?? field.value.length) : field.value.length;
  const end = atCursor ? (field.selectionEnd ?? start) : start;
  field.focus();
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
