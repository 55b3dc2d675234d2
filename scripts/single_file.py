#!/usr/bin/env python3
"""Assembles the single self-contained HTML file of the app (see build-single-file.sh).

Usage: single_file.py CSS PAGE_JS PAGE_WASM WORKER_JS WORKER_WASM SWEEP_JS SWEEP_WASM
                      QR_JS OUT [CODE TABLE_JS TABLE_WASM]...

The page's and the export worker's wasm are gzipped and base64-encoded into
non-executed <script> elements; a small bootstrap decodes them with the browser's
DecompressionStream (no fetch, so nothing is requested from file://), starts the
page's wasm with wasm-bindgen's no-modules glue, and makes the worker's script a
Blob URL (a worker cannot be loaded from a file:// path). The Sweep view's wasm,
which the served page fetches once its first picture is drawn, is decoded and started
when the page asks for it (`window.bslabLoadSweep`), its glue run in a function scope
(the no-modules glues each declare a global `wasm_bindgen`); so is each language's
strings wasm and glue (`window.bslabLoadStrings(code)`; the file carries every
language, for the language switch offline). Share links point to
BSLAB_PUBLIC_URL when it is set (the app says so when it is not). The QR code library,
which the served page loads on the first QR code, is inlined as a script: the app
finds it already there.
"""
import base64
import gzip
import json
import os
import sys

# Decodes base64 of gzip into an ArrayBuffer. Its source is also put into the worker.
GUNZIP = """function bslabGunzip(b64) {
  var text = atob(b64), bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}"""

# Run in the worker after its glue: start its wasm (its main() posts "ready").
WORKER_BOOT = """
bslabGunzip(BSLAB_WORKER_WASM).then(function (wasm) {
  return wasm_bindgen({ module_or_path: wasm });
});
"""

# Run on the page: the worker's Blob URL and the public address, then the app.
PAGE_BOOT = """(function () {
  'use strict';
  var text = function (id) { return document.getElementById(id).textContent.trim(); };
  var worker = [text('bslab-worker-glue'), '\\n', bslabGunzip.toString(),
    '\\nvar BSLAB_WORKER_WASM = "', text('bslab-worker-wasm'), '";\\n', WORKER_BOOT];
  window.bslabStandalone = {
    workerUrl: URL.createObjectURL(new Blob(worker, { type: 'text/javascript' })),
    publicUrl: PUBLIC_URL,
  };
  // A lazily started wasm carried by the file: one loading however often called.
  // `exported(glue, wasm)`, if given, makes the exports from the glue and the instance's
  // raw exports (as index.html's loader).
  var loader = function (name, exported) {
    var loading = null;
    return function () {
      return loading = loading || Promise.resolve().then(function () {
        var glue = new Function(text('bslab-' + name + '-glue') + '\\nreturn wasm_bindgen;')();
        return bslabGunzip(text('bslab-' + name + '-wasm')).then(function (wasm) {
          return glue({ module_or_path: wasm });
        }).then(function (wasm) { return exported ? exported(glue, wasm) : glue; });
      });
    };
  };
  // A language's strings wasm says where its table lies in its memory (index.html's
  // bslabTable).
  var table = function (glue, wasm) {
    var bytes = new Uint8Array(wasm.memory.buffer, glue.table_ptr(), glue.table_len());
    var decoded = new TextDecoder().decode(bytes);
    return { strings: function () { return decoded; } };
  };
  window.bslabLoadSweep = loader('sweep');
  var strings = {};
  window.bslabLoadStrings = function (code) {
    return (strings[code] = strings[code] || loader('tables-' + code, table))();
  };
  bslabGunzip(text('bslab-page-wasm')).then(function (wasm) {
    return wasm_bindgen({ module_or_path: wasm });
  }).catch(function (error) {
    document.body.textContent = 'This browser cannot start the app from this file ' +
      '(Este navegador não consegue iniciar o app a partir deste arquivo): ' + error;
  });
})();"""

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Batch × Stream Lab</title>
    <link rel="icon" href="data:,">
    <style>{css}</style>
    <script type="application/octet-stream" id="bslab-page-wasm">{page_wasm}</script>
    <script type="application/octet-stream" id="bslab-worker-wasm">{worker_wasm}</script>
    <script type="text/plain" id="bslab-worker-glue">{worker_js}</script>
    <script type="application/octet-stream" id="bslab-sweep-wasm">{sweep_wasm}</script>
    <script type="text/plain" id="bslab-sweep-glue">{sweep_js}</script>
{tables}    <script>{qr_js}</script>
    <script>{page_js}</script>
    <script>{gunzip}
var WORKER_BOOT = {worker_boot};
var PUBLIC_URL = {public_url};
{page_boot}</script>
  </head>
  <body></body>
</html>
"""


def read(path):
    with open(path, "rb") as f:
        return f.read()


def packed(path):
    """gzip (fixed mtime: the same input gives the same file) then base64."""
    return base64.b64encode(gzip.compress(read(path), compresslevel=9, mtime=0)).decode("ascii")


def inline_text(path):
    text = read(path).decode("utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        sys.exit(f"error: {path} contains a closing tag and cannot be inlined")
    return text


def main():
    if len(sys.argv) < 10 or (len(sys.argv) - 10) % 3:
        sys.exit(__doc__)
    (css, page_js, page_wasm, worker_js, worker_wasm, sweep_js, sweep_wasm,
     qr_js, out) = sys.argv[1:10]
    rest = sys.argv[10:]
    tables = "".join(
        f'    <script type="application/octet-stream" id="bslab-tables-{code}-wasm">'
        f"{packed(wasm)}</script>\n"
        f'    <script type="text/plain" id="bslab-tables-{code}-glue">{inline_text(js)}</script>\n'
        for code, js, wasm in zip(rest[0::3], rest[1::3], rest[2::3]))
    html = TEMPLATE.format(
        css=inline_text(css),
        page_wasm=packed(page_wasm),
        worker_wasm=packed(worker_wasm),
        worker_js=inline_text(worker_js),
        sweep_wasm=packed(sweep_wasm),
        sweep_js=inline_text(sweep_js),
        tables=tables,
        page_js=inline_text(page_js),
        qr_js=inline_text(qr_js),
        gunzip=GUNZIP,
        worker_boot=json.dumps(WORKER_BOOT),
        public_url=json.dumps(os.environ.get("BSLAB_PUBLIC_URL", "")),
        page_boot=PAGE_BOOT,
    )
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
