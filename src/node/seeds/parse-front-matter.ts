import { Buffer, isUtf8 } from 'node:buffer';
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLError, type Document } from 'yaml';

/** Larger files are refused before parsing: a real seed is about 10 KB. */
export const maxFileBytes = 1024 * 1024;
/** Bounds alias expansion (YAML "billion laughs"); the yaml library's own default is 100. */
const maxAliasCount = 100;

export type FieldPath = readonly (string | number)[];

export type ParsedFrontMatter =
  | {
      ok: true;
      data: Record<string, unknown>;
      lineOf: (path: FieldPath) => number | undefined;
      unknownTags: UnknownTag[];
    }
  | { ok: false; message: string; line?: number };

class RefusedLanguage extends Error {
  constructor(readonly language: string) {
    super(`front matter in ${language} is not accepted`);
  }
}

/** A gray-matter engine that refuses its language. */
const refusing = (language: string) => ({
  parse: (): never => {
    throw new RefusedLanguage(language);
  },
});
const refusals = {
  javascript: refusing('JavaScript'),
  js: refusing('JavaScript'),
  json: refusing('JSON'),
  coffee: refusing('CoffeeScript'),
};

/** A value written with a YAML tag the reader does not know (`!!js/function`, `!!binary`). */
export type UnknownTag = { path: FieldPath; tag: string };

/** The tags of YAML 1.2's core schema: every other one is reported, and its value read as text. */
const coreTags = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/**
 * The YAML engine gray-matter is given for one file. Most files are read by js-yaml with the YAML
 * 1.2 core schema: 48 µs a file against the yaml library's 453 µs (measured on the bench corpus),
 * that is 40 s of a cold build's CPU at 100,000 files. A document with anchors or aliases, an
 * unknown tag or an error goes to the yaml library, which bounds alias expansion and gives the
 * report its message and line; a file with a problem asks it for line numbers.
 */
function yamlReader() {
  let source = '';
  let document: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  const thorough = (): Document.Parsed =>
    (document ??= parseDocument(source, {
      lineCounter,
      uniqueKeys: true,
      prettyErrors: true,
      merge: false,
      // !!binary, !!set, !!timestamp… are not read as what they say: reported, and kept as text.
      resolveKnownTags: false,
    }));

  // gray-matter types engines as returning objects; a scalar document is caught by the caller.
  const parse = (matterText: string): object => {
    source = matterText;
    if (!mayHaveAnchorOrAlias(matterText)) {
      try {
        return fastData(loadYaml(matterText, { schema: CORE_SCHEMA }));
      } catch {
        // Read again below, for its message and line, or its unknown tags.
      }
    }
    const [firstError] = thorough().errors;
    if (firstError) throw firstError;
    return plainData(thorough().toJS({ maxAliasCount }));
  };

  /** The line of a field, or of its nearest enclosing one. */
  const lineOf = (fieldPath: FieldPath): number | undefined => {
    const parsed = thorough();
    for (let depth = fieldPath.length; depth > 0; depth -= 1) {
      const node: unknown = parsed.getIn(fieldPath.slice(0, depth), true);
      const range = isNode(node) ? node.range : undefined;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return undefined;
  };

  /** Values written with a tag outside the core schema; only a document read thoroughly can have one. */
  const unknownTags = (): UnknownTag[] => {
    if (!document) return [];
    const found: UnknownTag[] = [];
    visit(document, (_, node, ancestors) => {
      if (!isNode(node) || node.tag === undefined || coreTags.has(node.tag)) return;
      const chain = [...ancestors, node];
      const fields = chain.flatMap((item, i): (string | number)[] => {
        if (isPair(item)) return [String(isScalar(item.key) ? item.key.value : item.key)];
        if (isSeq(item)) return [item.items.indexOf(chain[i + 1])];
        return [];
      });
      found.push({ path: fields, tag: node.tag.replace('tag:yaml.org,2002:', '!!') });
    });
    return found;
  };

  return { parse, lineOf, unknownTags };
}

/**
 * Reads the YAML front matter of one seed file. Only YAML is accepted: gray-matter would
 * otherwise `eval` `---js` front matter, so every other engine is replaced by one that refuses.
 * Parsing never mutates or caches shared objects: options are always passed (gray-matter only
 * caches calls without options) and the YAML is turned into fresh plain data.
 */
export function parseFrontMatter(bytes: Uint8Array): ParsedFrontMatter {
  if (bytes.length > maxFileBytes) {
    return { ok: false, message: `is ${bytes.length} bytes; seed files are limited to ${maxFileBytes} bytes` };
  }
  if (bytes.includes(0)) return { ok: false, message: 'is a binary file, not text' };
  if (!isUtf8(bytes)) return { ok: false, message: 'is not valid UTF-8 text' };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, message: 'is empty' };

  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const opening = /^---[ \t]*([A-Za-z0-9_-]*)[ \t]*$/.exec(firstLine);
  if (!opening) {
    return { ok: false, line: 1, message: 'has no front matter: the first line must be ---' };
  }
  const language = (opening[1] ?? '').toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return {
      ok: false,
      line: 1,
      message: `has front matter in "${opening[1]}"; only YAML front matter is accepted`,
    };
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(firstLine.length))) {
    return { ok: false, line: 1, message: 'has front matter that is never closed by a --- line' };
  }

  const reader = yamlReader();
  let data: unknown;
  try {
    data = matter(text, {
      language: 'yaml',
      engines: { yaml: reader, yml: reader, ...refusals },
    }).data;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError || /maximum call stack/i.test(reason)) {
      return { ok: false, message: 'has YAML nested too deeply to read' };
    }
    if (error instanceof YAMLError) {
      const line = error.linePos?.[0].line;
      return { ok: false, ...(line !== undefined ? { line } : {}), message: `has invalid YAML: ${yamlReason(error)}` };
    }
    if (error instanceof RefusedLanguage) {
      return { ok: false, line: 1, message: `has ${error.message}; only YAML front matter is accepted` };
    }
    if (/excessive alias count/i.test(reason)) {
      return { ok: false, message: 'has YAML aliases that expand too far (a "billion laughs" document)' };
    }
    if (/circular/i.test(reason)) {
      return { ok: false, message: 'has a YAML alias that refers to itself' };
    }
    return { ok: false, message: `could not be read: ${reason}` };
  }

  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, line: 2, message: 'has front matter that is not a mapping of fields' };
  }
  if (Object.keys(data).length === 0) {
    return { ok: false, line: 2, message: 'has empty front matter' };
  }
  // Only files with a problem need a line number: the thorough parse happens then, if at all.
  return { ok: true, data: data as Record<string, unknown>, lineOf: reader.lineOf, unknownTags: reader.unknownTags() };
}

/** An anchor (`&a`) or alias (`*a`) where a value starts; quoted text may match too, harmlessly. */
const anchorOrAlias = /(^|[\s[{,:-])[&*][^\s[\]{},]/m;

/** The regular expression tries every position; most documents have neither character at all. */
const mayHaveAnchorOrAlias = (source: string): boolean =>
  (source.includes('&') || source.includes('*')) && anchorOrAlias.test(source);

/**
 * js-yaml's result needs no copy: without aliases every value is its own, objects are fresh `{}`
 * whose `__proto__` key, if any, is an own property (js-yaml defines it rather than assigns it),
 * and the core schema makes only strings, numbers, booleans and null. Only a non-finite number
 * (`.inf`, `.nan`) is not JSON: it becomes null, as the copy through JSON would make it.
 */
function fastData(value: unknown): object {
  return finiteOnly(value ?? null) as object;
}

function finiteOnly(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = finiteOnly(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) finiteOnly(item);
    // Defined, not assigned: assigning to a `__proto__` key would set the prototype instead.
    else if (typeof item === 'number' && !Number.isFinite(item)) {
      Object.defineProperty(record, key, { value: null, writable: true, enumerable: true, configurable: true });
    }
  }
  return record;
}

/**
 * Rebuilt through JSON so that it is plain, unshared data: `__proto__` becomes an ordinary own
 * key, nothing can reach Object.prototype, and a self-referencing alias is refused.
 */
function plainData(value: unknown): object {
  return JSON.parse(JSON.stringify(value ?? null)) as object;
}

function yamlReason(error: YAMLError): string {
  const first = error.message.split('\n')[0] ?? error.message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}
