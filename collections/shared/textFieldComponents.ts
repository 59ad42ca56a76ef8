// Admin components that show JSON and code fields as text (see JsonTextField.tsx for why).
export const JSON_AS_TEXT = { Field: '/collections/shared/JsonTextField#JsonTextField' }
export const CODE_AS_TEXT = { Field: '/collections/shared/JsonTextField#CodeTextField' }
