import { jsString } from './js-string';

/** What clicking an entry of the "available objects" sidebar inserts into the script. */
export const snippets = {
  input: (label: string) => `input[${jsString(label)}]`,
  output: (label: string) => `output[${jsString(label)}] = `,
  constant: (name: string) => `constants[${jsString(name)}]`,
  library: (name: string) => `require(${jsString(name)})`,
  endpoint: (name: string) => `http.request({ endpoint: ${jsString(name)}, method: 'GET', path: '/' })`,
  authenticate: (name: string) => `http.authenticate(${jsString(name)})`,
  log: () => `console.log()`,
  startFlow: (name: string) => `flows.start(${jsString(name)}, {})`,
};
