/**
 * Converts the small markdown subset the seed content is written in into Strapi's blocks format,
 * so articles read naturally in TS files yet land in the rich-text field exactly as editors'
 * content would.
 */
import type { Block, InlineNode, ListItemNode, TextNode } from '@stackguide/contracts/blocks';

/** Raised for markdown outside the supported subset; names the (dedented) line it gave up on. */
export class MarkdownBlocksError extends Error {
  override name = 'MarkdownBlocksError';
  readonly line: number;
  constructor(message: string, line: number) {
    super(`${message} (line ${line})`);
    this.line = line;
  }
}

type Marks = Pick<TextNode, 'bold' | 'italic' | 'code'>;

const FENCE = /^```\s*([\w+#-]*)\s*$/;
const HEADING = /^(#{2,3}) (.+)$/;
const UNORDERED = /^- (.+)$/;
const ORDERED = /^\d+\. (.+)$/;
const QUOTE = /^> ?(.*)$/;
const CONTINUATION = /^\s+\S/;
const LINK = /^\[([^\]]+)\]\(([^()\s]+)\)/;

/**
 * Parses indented markdown (usable as a tagged template) into Strapi blocks: `##`/`###` headings,
 * paragraphs, one-level `-` and `1.` lists (indented lines continue an item), `>` quotes, fenced
 * code, and inline bold, italic, code and links. A backslash makes the next character literal.
 * Template values are interpolated as plain strings before parsing.
 * @throws MarkdownBlocksError on anything outside that subset, so no text is silently dropped.
 */
export function md(source: string): Block[];
export function md(strings: TemplateStringsArray, ...values: unknown[]): Block[];
export function md(source: string | TemplateStringsArray, ...values: unknown[]): Block[] {
  const text =
    typeof source === 'string' ? source : source.reduce((acc, part, i) => acc + part + (i < values.length ? String(values[i]) : ''), '');
  return parseBlocks(dedent(text));
}

function dedent(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut).trimEnd());
}

function startsBlock(line: string): boolean {
  return [FENCE, HEADING, UNORDERED, ORDERED, QUOTE].some((re) => re.test(line)) || line.startsWith('#');
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  const at = (n: number): string => lines[n] ?? '';
  while (i < lines.length) {
    const line = at(i);
    const lineNo = i + 1;
    if (line === '') {
      i++;
      continue;
    }
    if (/^\s/.test(line)) {
      throw new MarkdownBlocksError(`Unexpected indentation (nested lists are not supported): "${line}"`, lineNo);
    }
    if (/^[*+] /.test(line)) throw new MarkdownBlocksError(`Use "- " for list items: "${line}"`, lineNo);
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(line)) throw new MarkdownBlocksError('Horizontal rules are not supported', lineNo);

    const fence = FENCE.exec(line);
    if (fence) {
      const end = lines.findIndex((l, n) => n > i && l.trim() === '```');
      if (end < 0) throw new MarkdownBlocksError('Code fence is never closed', lineNo);
      const language = fence[1];
      blocks.push({
        type: 'code',
        ...(language ? { language } : {}),
        children: [{ type: 'text', text: lines.slice(i + 1, end).join('\n') }],
      });
      i = end + 1;
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]?.length === 2 ? 2 : 3;
      blocks.push({ type: 'heading', level, children: parseInline(heading[2] ?? '', {}, lineNo) });
      i++;
      continue;
    }
    if (line.startsWith('#')) throw new MarkdownBlocksError(`Only "## " and "### " headings are supported: "${line}"`, lineNo);

    const list = UNORDERED.test(line) ? UNORDERED : ORDERED.test(line) ? ORDERED : null;
    if (list) {
      const items: ListItemNode[] = [];
      for (let m = list.exec(at(i)); m; m = list.exec(at(i))) {
        const itemLine = i + 1;
        const parts = [m[1] ?? ''];
        for (i++; CONTINUATION.test(at(i)) && !startsBlock(at(i).trim()); i++) parts.push(at(i).trim());
        items.push({ type: 'list-item', children: parseInline(parts.join(' '), {}, itemLine) });
      }
      if (at(i) !== '' && !startsBlock(at(i))) {
        const hint = /^\s/.test(at(i)) ? 'nested lists are not supported' : 'indent continuation lines';
        throw new MarkdownBlocksError(`Cannot continue the list (${hint}): "${at(i)}"`, i + 1);
      }
      blocks.push({ type: 'list', format: list === ORDERED ? 'ordered' : 'unordered', children: items });
      continue;
    }

    if (QUOTE.test(line)) {
      const parts: string[] = [];
      for (let m = QUOTE.exec(at(i)); m; m = QUOTE.exec(at(i))) {
        if (m[1]) parts.push(m[1].trim());
        i++;
      }
      if (parts.length === 0) throw new MarkdownBlocksError('Empty quote', lineNo);
      blocks.push({ type: 'quote', children: parseInline(parts.join(' '), {}, lineNo) });
      continue;
    }

    const parts: string[] = [];
    while (i < lines.length && at(i) !== '' && (parts.length === 0 || !startsBlock(at(i)))) {
      parts.push(at(i).trim());
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(parts.join(' '), {}, lineNo) });
  }
  return blocks;
}

function text(value: string, marks: Marks): TextNode {
  return { type: 'text', text: value, ...marks };
}

/** Index of the `*` closing an italic span opened before `from`, skipping `**` pairs and escapes. */
function closingStar(src: string, from: number): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src.startsWith('**', j)) j++;
    else if (src[j] === '*') return j;
  }
  return -1;
}

function parseInline(src: string, marks: Marks, lineNo: number): InlineNode[] {
  const out: InlineNode[] = [];
  let buf = '';
  const flush = (): void => {
    if (buf) out.push(text(buf, marks));
    buf = '';
  };
  const span = (open: number, close: number, what: string): string => {
    if (close < 0) throw new MarkdownBlocksError(`Unclosed ${what} in "${src}"`, lineNo);
    const inner = src.slice(open, close);
    if (inner === '') throw new MarkdownBlocksError(`Empty ${what} in "${src}"`, lineNo);
    flush();
    return inner;
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (ch === '\\' && i + 1 < src.length) {
      buf += src[i + 1];
      i += 2;
    } else if (ch === '`') {
      const close = src.indexOf('`', i + 1);
      out.push(text(span(i + 1, close, 'inline code'), { ...marks, code: true }));
      i = close + 1;
    } else if (src.startsWith('**', i)) {
      const close = src.indexOf('**', i + 2);
      out.push(...parseInline(span(i + 2, close, 'bold'), { ...marks, bold: true }, lineNo));
      i = close + 2;
    } else if (ch === '*') {
      const close = closingStar(src, i + 1);
      out.push(...parseInline(span(i + 1, close, 'italic'), { ...marks, italic: true }, lineNo));
      i = close + 1;
    } else if (ch === '[') {
      const link = LINK.exec(src.slice(i));
      if (!link) throw new MarkdownBlocksError(`Malformed link (escape a literal "[" as "\\["): "${src}"`, lineNo);
      flush();
      const children = parseInline(link[1] ?? '', marks, lineNo).map((node) => {
        if (node.type === 'link') throw new MarkdownBlocksError(`Links cannot contain links: "${src}"`, lineNo);
        return node;
      });
      out.push({ type: 'link', url: link[2] ?? '', children });
      i += link[0].length;
    } else {
      buf += ch;
      i++;
    }
  }
  flush();
  return out;
}
