// Helpers for the static checks in this folder (not a test file itself).

// Comments out, strings kept: a small JavaScript scanner that knows strings, template
// literals (with nested ${}), regular expression literals and comments. Comment characters
// become spaces, newlines stay, so offsets and line numbers are those of the file.

const REGEX_AFTER = new Set(['return', 'typeof', 'case', 'in', 'of', 'void', 'delete', 'throw', 'new', 'else', 'do', 'yield', 'await', 'instanceof']);

export function stripJsComments(src) {
  const out = src.split('');
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  // Stack of contexts: 'code' (with a brace depth, for ${} inside templates) or 'template'.
  const stack = [{ kind: 'code', depth: 0 }];
  let last = ''; // the last significant token's end: a character or a word
  let i = 0;
  const n = src.length;
  while (i < n) {
    const top = stack[stack.length - 1];
    const c = src[i];
    if (top.kind === 'template') {
      if (c === '\\') { i += 2; continue; }
      if (c === '`') { stack.pop(); i++; last = '`'; continue; }
      if (c === '$' && src[i + 1] === '{') { stack.push({ kind: 'code', depth: 0 }); i += 2; last = '{'; continue; }
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '\'' || c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      i = j + 1;
      last = c;
      continue;
    }
    if (c === '`') { stack.push({ kind: 'template' }); i++; continue; }
    if (c === '/') {
      const regex = last === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(last) || REGEX_AFTER.has(last);
      if (regex) {
        let j = i + 1;
        let inClass = false;
        while (j < n && src[j] !== '\n') {
          if (src[j] === '\\') { j += 2; continue; }
          if (src[j] === '[') inClass = true;
          else if (src[j] === ']') inClass = false;
          else if (src[j] === '/' && !inClass) break;
          j++;
        }
        j++;
        while (j < n && /[a-z]/i.test(src[j])) j++;
        i = j;
        last = 'regex';
        continue;
      }
      i++;
      last = '/';
      continue;
    }
    if (c === '{') { top.depth++; i++; last = '{'; continue; }
    if (c === '}') {
      if (top.depth === 0 && stack.length > 1) { stack.pop(); i++; continue; }
      top.depth--;
      i++;
      last = '}';
      continue;
    }
    if (/[A-Za-z_$0-9]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z_$0-9]/.test(src[j])) j++;
      last = src.slice(i, j);
      i = j;
      continue;
    }
    if (!/\s/.test(c)) last = c;
    i++;
  }
  return out.join('');
}
