'use client'
// JSON and code fields as plain text: Payload's own editor loads Monaco from cdn.jsdelivr.net, so offline,
// air-gapped or behind a strict CSP it never appears (payloadcms/payload#10229) and an operator could not
// read a delivery's body or a callback's raw payload.
import { FieldDescription, FieldLabel, useField } from '@payloadcms/ui'
import type { StaticDescription, StaticLabel } from 'payload'
import React, { useState } from 'react'

type JsonTextFieldProps = {
  path: string
  readOnly?: boolean
  field: {
    name: string
    label?: StaticLabel | false
    required?: boolean
    admin?: { description?: StaticDescription | unknown; readOnly?: boolean }
  }
}

// Code fields hold text that is usually JSON: show it indented when it parses, as received otherwise.
function formatForDisplay(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'string') return JSON.stringify(value, null, 2)
  try {
    return JSON.stringify(JSON.parse(value), null, 2)
  } catch {
    return value
  }
}

const textStyle: React.CSSProperties = {
  width: '100%',
  fontFamily: 'var(--font-mono, monospace)',
  fontSize: 13,
  lineHeight: 1.45,
  padding: '10px 12px',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  background: 'var(--theme-elevation-50)',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  maxHeight: 480,
  overflow: 'auto',
  margin: 0,
}

export function JsonTextField({
  path,
  field,
  readOnly,
  stringValue = false,
}: JsonTextFieldProps & {
  stringValue?: boolean
}) {
  const { value, setValue, disabled } = useField<unknown>({ path })
  const [draft, setDraft] = useState<string | null>(null)
  const [parseError, setParseError] = useState<string | null>(null)
  const locked = Boolean(readOnly || field.admin?.readOnly || disabled)
  const text = draft ?? formatForDisplay(value)
  const description =
    typeof field.admin?.description === 'string' ? field.admin.description : undefined

  const onChange = (next: string) => {
    setDraft(next)
    if (stringValue) return setValue(next)
    if (next.trim() === '') {
      setParseError(null)
      return setValue(null)
    }
    try {
      setValue(JSON.parse(next))
      setParseError(null)
    } catch (error) {
      setParseError(`Not valid JSON, not saved until fixed: ${(error as Error).message}`)
    }
  }

  return (
    <div
      className="field-type json-text-field"
      style={{ marginBottom: 24 }}
      data-field={field.name}
    >
      <FieldLabel label={field.label || field.name} path={path} required={field.required} />
      {locked ? (
        <pre style={textStyle} data-testid={`json-${field.name}`}>
          {text || '—'}
        </pre>
      ) : (
        <textarea
          id={`field-${path.replace(/\./g, '__')}`}
          style={{ ...textStyle, minHeight: 120 }}
          rows={Math.min(20, Math.max(4, text.split('\n').length + 1))}
          value={text}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {parseError ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)', margin: '4px 0 0' }}>
          {parseError}
        </p>
      ) : null}
      {description ? <FieldDescription description={description} path={path} /> : null}
    </div>
  )
}

export function CodeTextField(props: JsonTextFieldProps) {
  return <JsonTextField {...props} stringValue />
}
