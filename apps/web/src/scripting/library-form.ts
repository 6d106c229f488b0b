import { librarySaveSchema, type LibrarySaveInput } from '@flowyard/engine/schemas';

/** The library editor's fields, checked by the API's own rules (so messages match the server's). */
export const libraryFormSchema = librarySaveSchema.pick({ name: true, source: true });
export type LibraryFormValues = Pick<LibrarySaveInput, 'name' | 'source'>;

export const libraryFields = ['name', 'source'] as const;

export const newLibraryValues = (): LibraryFormValues => ({
  name: '',
  source: "// CommonJS: scripts get what you put on exports (or module.exports).\nexports.hello = function (name) {\n  return 'Hello ' + name;\n};\n",
});
