import { Button } from '../ui/Button';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

const shortcuts: readonly { keys: string; what: string }[] = [
  { keys: `${mod}+S`, what: 'Save now (changes also save by themselves)' },
  { keys: `${mod}+Z`, what: 'Undo' },
  { keys: `${mod}+Shift+Z or ${mod}+Y`, what: 'Redo' },
  { keys: `${mod}+C`, what: 'Copy the selected steps' },
  { keys: `${mod}+X`, what: 'Cut the selected steps' },
  { keys: `${mod}+V`, what: 'Paste steps (also copied from another flow)' },
  { keys: `${mod}+D`, what: 'Duplicate the selected steps' },
  { keys: `${mod}+A`, what: 'Select all steps' },
  { keys: 'Delete or Backspace', what: 'Delete the selection' },
  { keys: 'Shift+drag', what: 'Select steps inside a box' },
  { keys: `${mod}+click`, what: 'Add a step to the selection' },
  { keys: 'Right-click', what: 'Step and canvas actions: copy, paste, tidy up, add note…' },
  { keys: 'Palette: type, then Enter', what: 'Add the first matching step after the selected one' },
  { keys: '?', what: 'Show these shortcuts' },
];

/** The list of the editor's keyboard shortcuts, opened with `?`. */
export function KeyboardShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts">
      <DialogBody>
        <dl aria-label="Keyboard shortcuts" className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.keys} className="contents">
              <dt>
                <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs text-zinc-700">
                  {shortcut.keys}
                </kbd>
              </dt>
              <dd className="text-zinc-700">{shortcut.what}</dd>
            </div>
          ))}
        </dl>
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Close</Button>
        </DialogClose>
      </DialogFooter>
    </Dialog>
  );
}
