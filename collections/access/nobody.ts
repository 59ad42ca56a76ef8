import type { Access } from 'payload'

/** Rows written only by the hub itself (through the Local API with overrideAccess). */
export const nobody: Access = () => false
