/**
 * `npm run package [-- --env local|dev|prod]` → dist/package/au-revoir-<env>.zip: manifest.json
 * rendered with that environment's URLs, its icons and the French localization file: what Teams
 * ("Upload a custom app"), Outlook (sideload) and the Teams admin centre accept; plus the add-in-only
 * XML manifest generated from it (outlook-manifest.xml, also written beside the zip as
 * au-revoir-<env>-outlook.xml) for Outlook on Mac and mobile, which do not read the unified one.
 * Both manifests are checked first: a package that would be rejected is never written.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { ENVS, MANIFEST_DIR, ROOT, checkManifest, isEnvName, loadEnvValues, renderManifest } from './manifest-tools';
import { XML_PACKAGE_NAME, checkXmlManifest, xmlManifestFrom } from './xml-manifest';

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
    const frFile = join(rendered.dir, 'fr.json');
    const fr = existsSync(frFile) ? (JSON.parse(readFileSync(frFile, 'utf8')) as Record<string, unknown>) : {};
    const xml = xmlManifestFrom(rendered.manifest, fr);
    const xmlCheck = await checkXmlManifest({ xml, manifest: rendered.manifest, fr, label: XML_PACKAGE_NAME });
    problems.push(...xmlCheck.problems.map((p) => `${XML_PACKAGE_NAME}: ${p}`));
    if (problems.length) {
      console.error(`package: the ${env} manifest is not valid, no package written:`);
      for (const p of problems) console.error(`  - ${p}`);
      return 1;
    }
    const zip = new AdmZip();
    for (const rel of rendered.packageFiles) zip.addLocalFile(join(rendered.dir, rel), rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
    zip.addFile(XML_PACKAGE_NAME, Buffer.from(xml, 'utf8'));
    const outDir = join(ROOT, 'dist', 'package');
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, `au-revoir-${env}.zip`);
    zip.writeZip(out);
    const xmlOut = join(outDir, `au-revoir-${env}-outlook.xml`);
    writeFileSync(xmlOut, xml);
    console.log(`✓ ${out}`);
    for (const rel of [...rendered.packageFiles, XML_PACKAGE_NAME]) console.log(`  ${rel}`);
    console.log(`✓ ${xmlOut} (Outlook on Mac and mobile${xmlCheck.xsd ? ', valid against Microsoft’s XSDs' : ''})`);
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
