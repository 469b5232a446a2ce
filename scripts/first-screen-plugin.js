// Build plugins for the pages' first screen (used by webpack.config.js; plain CommonJS like it).
const { Buffer } = require('node:buffer');
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { gzipSync } = require('node:zlib');
const { decode } = require('@jridgewell/sourcemap-codec');

/** `webpack://au-revoir/./node_modules/@fluentui/react-tabs/lib/x.js` → `@fluentui/react-tabs`; our files → `src/ui/i18n`. */
const contributorOf = (source) => {
  const p = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
  if (pkg) return pkg[1];
  return p.split('/').slice(0, 3).join('/').replace(/ \+ \d+ modules$/, '') || '(webpack runtime)';
};

/** Minified bytes of each source in a script, read from its source map (what survived tree shaking). */
const bytesBySource = (code, map) => {
  const out = new Map();
  const lines = code.split('\n');
  decode(map.mappings).forEach((segments, line) => {
    const text = lines[line] ?? '';
    segments.forEach((seg, i) => {
      if (seg.length < 2) return;
      const end = segments[i + 1]?.[0] ?? text.length;
      const name = contributorOf(map.sources[seg[1]] ?? '?');
      out.set(name, (out.get(name) ?? 0) + Math.max(0, end - seg[0]));
    });
  });
  return out;
};

/** A static file emitted under a content-hashed name (e.g. the shell's stylesheet), long-cacheable. */
class StaticAssetPlugin {
  constructor(file) {
    this.file = file;
    const source = readFileSync(file);
    const ext = path.extname(file);
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
    this.name = `${path.basename(file, ext)}.${hash}${ext}`;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('StaticAssetPlugin', (compilation) => {
      compilation.fileDependencies.add(this.file);
      // After the dev-tooling stage: served as written, with no source map of a source map.
      compilation.hooks.processAssets.tap({ name: 'StaticAssetPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, () => {
        compilation.emitAsset(this.name, new RawSource(readFileSync(this.file)));
      });
    });
  }
}

/**
 * Writes first-screen.json next to the pages: for each page, the scripts its HTML loads before
 * anything else (its entry chunks and their synchronous chunks, never the chunks loaded by
 * import()), with their minified and gzipped sizes, and what they are made of (package or folder
 * of ours, from the source maps: minified bytes, and their share of the gzipped size), so that the
 * size budget (test/unit/build/budget.test.ts) can name what grew. Sizes are of the final files.
 */
class FirstScreenManifestPlugin {
  /** @param {Record<string, string[]>} pages page file -> entry names, e.g. { 'tab.html': ['boot', 'tab'] } */
  constructor(pages) {
    this.pages = pages;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('FirstScreenManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'FirstScreenManifestPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const out = { gzipLevel: 9, pages: {} };
        for (const [page, entries] of Object.entries(this.pages)) {
          const scripts = [];
          const contributors = new Map();
          for (const entry of entries) {
            const group = compilation.entrypoints.get(entry);
            if (!group) throw new Error(`first-screen manifest: no entry ${entry}`);
            // The entry's chunks are what its page's HTML loads synchronously; import() chunks are not among them.
            for (const chunk of group.chunks) {
              for (const file of chunk.files) {
                if (!file.endsWith('.js') || scripts.some((s) => s.file === file)) continue;
                const buffer = Buffer.from(compilation.getAsset(file).source.buffer());
                const gzipBytes = gzipSync(buffer, { level: 9 }).length;
                scripts.push({ file, chunk: chunk.name ?? String(chunk.id), bytes: buffer.length, gzipBytes });
                const map = compilation.getAsset(`${file}.map`);
                if (!map) continue;
                // Each source's share of the minified file, applied to the file's gzipped size.
                const bySource = bytesBySource(buffer.toString('utf8'), JSON.parse(map.source.source().toString()));
                const total = [...bySource.values()].reduce((a, b) => a + b, 0) || 1;
                for (const [name, bytes] of bySource) {
                  const c = contributors.get(name) ?? { name, bytes: 0, gzipBytes: 0 };
                  c.bytes += bytes;
                  c.gzipBytes += Math.round((gzipBytes * bytes) / total);
                  contributors.set(name, c);
                }
              }
            }
          }
          out.pages[page] = {
            entries,
            scripts,
            gzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
            contributors: [...contributors.values()].sort((a, b) => b.bytes - a.bytes),
          };
        }
        compilation.emitAsset('first-screen.json', new RawSource(`${JSON.stringify(out, null, 1)}\n`));
      });
    });
  }
}

module.exports = { StaticAssetPlugin, FirstScreenManifestPlugin, bytesBySource };
