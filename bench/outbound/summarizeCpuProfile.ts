// `tsx bench/outbound/summarizeCpuProfile.ts <file.cpuprofile>`: where a worker's CPU time went.
import { readFileSync } from 'node:fs'
import path from 'node:path'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const TOP = Number(process.argv[3] ?? 25)
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as CpuProfile

const selfMicros = new Map<number, number>()
profile.samples.forEach((nodeId, index) => {
  selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0))
})
const totalMicros = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0)

function describe(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame
  const where = url ? `${url.replace(/^file:\/\/.*?node_modules\//, '~/')}:${lineNumber + 1}` : ''
  return `${functionName || '(anonymous)'} ${where}`.trim()
}

/** Groups self time by package (or repo folder), which says more than single functions. */
function owner(node: ProfileNode): string {
  const url = node.callFrame.url
  if (!url) return node.callFrame.functionName || '(native)'
  if (url.startsWith('node:')) return 'node internals'
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (inModules) return inModules[1]
  return path
    .dirname(url.replace(/^file:\/\//, ''))
    .split('/')
    .slice(-2)
    .join('/')
}

function printTop(title: string, totals: Map<string, number>) {
  console.log(`\n${title}`)
  for (const [name, micros] of [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${((micros / totalMicros) * 100).toFixed(1).padStart(5)}%  ${name}`)
  }
}

const parents = new Map<number, ProfileNode>()
const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
for (const node of profile.nodes) {
  for (const child of node.children ?? []) parents.set(child, node)
}

/** The nearest frame of the project's own code on the stack: which of our calls the time serves. */
function projectCaller(node: ProfileNode): string {
  for (let current: ProfileNode | undefined = node; current; current = parents.get(current.id)) {
    const url = current.callFrame.url
    if (url.startsWith('file://') && !url.includes('/node_modules/')) return describe(current)
  }
  return '(no project frame)'
}

const byFunction = new Map<string, number>()
const byOwner = new Map<string, number>()
const byCaller = new Map<string, number>()
for (const [id, micros] of selfMicros) {
  const node = nodes.get(id)
  if (!node || micros === 0) continue
  byFunction.set(describe(node), (byFunction.get(describe(node)) ?? 0) + micros)
  byOwner.set(owner(node), (byOwner.get(owner(node)) ?? 0) + micros)
  byCaller.set(projectCaller(node), (byCaller.get(projectCaller(node)) ?? 0) + micros)
}
console.log(`profile: ${(totalMicros / 1e6).toFixed(1)} s sampled`)
printTop('self time by package or folder', byOwner)
printTop('self time by function', byFunction)
printTop('all time below the nearest project frame', byCaller)
