// The publishable packages (packages/* that are not private), their build and their tarballs. Used by
// `npm run build`, the package lint and the outside-path test; needs Node and the pnpm that
// ensure-install provides (pnpm pack turns workspace:^ into versions and applies publishConfig).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pnpm, root } from './ensure-install.mjs';

/** Folder and package.json of each publishable package, in build order (core first). */
export function publishablePackages() {
  const order = ['core'];
  return readdirSync(path.join(root, 'packages'))
    .map((name) => ({ name, folder: path.join(root, 'packages', name) }))
    .map((entry) => ({ ...entry, manifest: JSON.parse(readFileSync(path.join(entry.folder, 'package.json'), 'utf8')) }))
    .filter((entry) => !entry.manifest.private && entry.manifest.scripts?.build)
    .sort((a, b) => (order.includes(b.name) ? 1 : 0) - (order.includes(a.name) ? 1 : 0));
}

export function buildAll() {
  return publishablePackages().every(
    ({ folder }) =>
      spawnSync(process.execPath, [path.join(root, 'scripts/build-package.mjs')], { cwd: folder, stdio: 'inherit' })
        .status === 0,
  );
}

/** Packs every package into a new temporary folder; returns [{ name, tarball, bytes }] or null. */
export function packAll(destination = mkdtempSync(path.join(tmpdir(), 'ck-tarballs-'))) {
  const packed = [];
  for (const { manifest, folder } of publishablePackages()) {
    if (!pnpm(['pack', '--pack-destination', destination], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] }))
      return null;
    const file = `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`;
    const tarball = path.join(destination, file);
    packed.push({ name: manifest.name, tarball, bytes: statSync(tarball).size });
  }
  return packed;
}
