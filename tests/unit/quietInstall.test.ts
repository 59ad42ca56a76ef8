// A clean `npm install` prints no warning a newcomer must interpret: every locked package supports the Node
// version the project names, and every install script has been reviewed (allowed or denied) in package.json.
import { readFileSync } from 'node:fs'

import semver from 'semver'
import { describe, expect, it } from 'vitest'

type LockedPackage = {
  version?: string
  engines?: { node?: string } | string[]
  hasInstallScript?: boolean
  os?: string[]
  cpu?: string[]
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string }
  allowScripts?: Record<string, boolean>
}
const lockfile = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, LockedPackage>
}
const readme = readFileSync('README.md', 'utf8')

// Packages for other platforms are locked but never installed here, so their engines never warn.
function installsHere(locked: LockedPackage): boolean {
  const fits = (allowed: string[] | undefined, actual: string) =>
    !allowed || allowed.some((entry) => entry === actual) || allowed.every((e) => e.startsWith('!'))
  return fits(locked.os, process.platform) && fits(locked.cpu, process.arch)
}

function packageName(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length)
}

describe('a clean install', () => {
  const oldestNode = semver.minVersion(manifest.engines.node)!.version

  it('names one Node version in README and package.json', () => {
    const major = semver.major(oldestNode)
    const minor = semver.minor(oldestNode)
    expect(readme).toContain(`Node ${major}.${minor}+`)
  })

  it('locks only packages whose engines accept that Node version', () => {
    const refusing = Object.entries(lockfile.packages)
      .filter(([lockPath, locked]) => lockPath !== '' && installsHere(locked))
      .filter(([, locked]) => {
        const range = !Array.isArray(locked.engines) ? locked.engines?.node : undefined
        return range !== undefined && !semver.satisfies(oldestNode, range)
      })
      .map(([lockPath, locked]) => `${packageName(lockPath)}@${locked.version}`)
    expect(refusing).toEqual([])
  })

  it('has reviewed every install script in allowScripts', () => {
    const reviewed = new Set(Object.keys(manifest.allowScripts ?? {}))
    const unreviewed = Object.entries(lockfile.packages)
      .filter(([, locked]) => locked.hasInstallScript)
      .map(([lockPath]) => packageName(lockPath))
      .filter((name) => !reviewed.has(name))
    expect(unreviewed).toEqual([])
  })
})
