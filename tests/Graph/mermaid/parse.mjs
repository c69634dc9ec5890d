// Parses a Mermaid diagram from standard input with the real mermaid package (installed into .tools/mermaid by
// tests/setup-tools.sh): exit 0 and the diagram type on stdout when Mermaid accepts it, exit 1 and Mermaid's parse error
// on stderr when not. Mermaid sanitizes labels with DOMPurify, which needs a DOM: jsdom provides one, as a browser would.
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
try {
  const result = await mermaid.parse(fs.readFileSync(0, 'utf8'));
  process.stdout.write(result.diagramType + '\n');
} catch (error) {
  process.stderr.write(String(error.message ?? error) + '\n');
  process.exit(1);
}
