// The shell examples of README.md, as a reader would type them: one command per entry, continuation lines
// joined, comments dropped, each with the heading it sits under.
import { readFileSync } from 'node:fs'

export type ReadmeCommand = { heading: string; command: string }

function withoutComment(line: string): string {
  // Only a `#` after whitespace starts a comment; `#` inside quotes or words is part of the command.
  let quote: string | null = null
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]
    if (quote) {
      if (char === quote) quote = null
    } else if (char === "'" || char === '"') quote = char
    else if (char === '#' && (index === 0 || /\s/.test(line[index - 1])))
      return line.slice(0, index)
  }
  return line
}

export function readReadmeExamples(markdown = readFileSync('README.md', 'utf8')): ReadmeCommand[] {
  const commands: ReadmeCommand[] = []
  let heading = ''
  let inShellBlock = false
  let pending = ''
  for (const line of markdown.split('\n')) {
    if (!inShellBlock) {
      if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '')
      if (line.trim() === '```bash') inShellBlock = true
      continue
    }
    if (line.trim() === '```') {
      inShellBlock = false
      continue
    }
    const code = withoutComment(line).trimEnd()
    if (code.endsWith('\\')) {
      pending += `${code.slice(0, -1).trim()} `
      continue
    }
    const command = `${pending}${code.trim()}`.trim()
    pending = ''
    if (command) commands.push({ heading, command })
  }
  return commands
}
