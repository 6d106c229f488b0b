import type { LiteralQuote } from './script-endpoint-names';

/** `value` as a JavaScript string literal in the given quote style, escaped so it reads back as exactly `value`. */
export function jsStringLiteral(value: string, quote: LiteralQuote): string {
  let out = '';
  for (const char of value) {
    out += escapeChar(char, quote);
  }
  return `${quote}${out}${quote}`;
}

function escapeChar(char: string, quote: LiteralQuote): string {
  switch (char) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\u2028':
      return '\\u2028';
    case '\u2029':
      return '\\u2029';
    case quote:
      return `\\${quote}`;
    case '$':
      // `${` would start an expression inside a template literal.
      return quote === '`' ? '\\$' : '$';
    default: {
      const code = char.codePointAt(0) ?? 0;
      return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : char;
    }
  }
}
