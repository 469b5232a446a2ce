/**
 * `npm run package [-- --env local|dev|prod]` → dist/package/au-revoir-<env>.zip: manifest.json
 * rendered with that environment's URLs, its icons and the French localization file: what Teams
 * ("Upload a custom app"), Outlook (sideload) and the Teams admin centre accept.
 * The manifest is schema-checked first: a package that would be rejected is never written.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { ENVS, MANIFEST_DIR, ROOT, checkManifest, isEnvName, loadEnvValues, renderManifest } from './manifest-tools';

const main = async (): Promise<number> => {
  const argv = process.argv.slice(2);
  let env = 'local';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--env' && argv[i + 1] !== undefined) env = argv[++i]!;
    else {
      console.error(`package: unknown argument ${argv[i]} (use --env ${ENVS.join('|')})`);
      return 2;
    }
  }
  if (!isEnvName(env)) {
    console.error(`package: unknown environment "${env}" (use ${ENVS.join(', ')})`);
    return 2;
  }
  const values = loadEnvValues(env);
  const rendered = renderManifest(join(MANIFEST_DIR, 'manifest.json'), values);
  try {
    const problems = await checkManifest({ rendered, baseUrl: values.BASE_URL! });
    if (problems.length) {
      console.error(`package: the ${env} manifest is not valid, no package written:`);
      for (const p of problems) console.error(`  - ${p}`);
      return 1;
    }
    const zip = new AdmZip();
    for (const rel of rendered.packageFiles) zip.addLocalFile(join(rendered.dir, rel), rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
    const outDir = join(ROOT, 'dist', 'package');
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, `au-revoir-${env}.zip`);
    zip.writeZip(out);
    console.log(`✓ ${out}`);
    for (const rel of rendered.packageFiles) console.log(`  ${rel}`);
    console.log(`  pages served from ${values.BASE_URL}`);
    return 0;
  } finally {
    rmSync(rendered.dir, { recursive: true, force: true });
  }
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('package: unexpected failure', e);
    process.exit(1);
  },
);
