// The typesetting process: Typst (native, from @myriaddreamin/typst-ts-node-compiler) compiles one
// document at a time. It runs as a child process, not a thread, because the engine's memory is
// native (a thread's heap limit does not bound it) and a native call cannot be interrupted: the
// parent measures this process's RSS and kills it on a time or memory limit. Plain JavaScript so it
// starts without a TypeScript loader.
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const fontPaths = JSON.parse(process.env.TULAY_TYPESET_FONT_DIRS ?? '[]');
const templates = {
  edition: readFileSync(new URL('./templates/edition.typ', import.meta.url), 'utf8'),
  certificate: readFileSync(new URL('./templates/certificate.typ', import.meta.url), 'utf8'),
};
// The workspace is the templates' folder: the templates read nothing from it, and a document's data
// cannot name a file (it is JSON, placed as text).
const compiler = NodeCompiler.create({
  workspace: new URL('./templates/', import.meta.url).pathname,
  fontArgs: [{ fontPaths }],
});

/** The engine's first error, as a sentence: which part of the document it could not read. */
function diagnostics(result) {
  try {
    const found = compiler.fetchDiagnostics(result.takeDiagnostics());
    return found.map((d) => d.message).join('; ') || 'The document could not be typeset.';
  } catch {
    return 'The document could not be typeset.';
  }
}

process.on('message', ({ id, template, data }) => {
  try {
    process.send({ id, progress: 0.1 });
    const result = compiler.compile({ mainFileContent: templates[template], inputs: { data } });
    const doc = result.result;
    if (!doc || result.hasError()) {
      process.send({ id, ok: false, reason: 'invalid', message: diagnostics(result) });
      return;
    }
    process.send({ id, progress: 0.8, pages: doc.numOfPages });
    // A fixed creation time: the same document gives the same bytes.
    const pdf = compiler.pdf(doc, { creationTimestamp: 0 });
    // The engine memoises layouts across compilations; keep only what the last few reused.
    compiler.evictCache(10);
    process.send({ id, ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) });
  } catch (error) {
    process.send({ id, ok: false, reason: 'crashed', message: String(error?.message ?? error) });
  }
});
process.send({ ready: true });
