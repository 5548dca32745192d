/**
 * The in-page address Redoc 3 gives an operation, so that the index can link straight to it. Redoc 3 routes
 * by hash on a file page (`eccor-fgts.html#/credit-notes/createcreditnote`): the tag's slug, then the
 * operation id's, each made by the `slugify` package it bundles and lower-cased. This is that slug for the
 * names our contracts use (ASCII words; accents are folded); the browser test follows every link of the
 * index and fails if Redoc ever routes differently.
 */
import type { OperationRef } from '@credit-apis/contract-core';

/** The symbols of slugify's character map that can occur in our names; letters with accents are folded. */
const SYMBOLS: Record<string, string> = { $: 'dollar', '%': 'percent', '&': 'and', '<': 'less', '>': 'greater', '|': 'or' };

/** slugify(text) with its default options (replacement `-`), then lower-cased, as Redoc 3 does. */
export function redocSlug(text: string): string {
  return [...text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')]
    .map((ch) => (ch === '-' ? ' ' : (SYMBOLS[ch] ?? ch)))
    .join('')
    .replace(/[^\w\s$*_+~.()'"!\-:@]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
}

export function operationAnchor(op: OperationRef): string {
  const tag = Array.isArray(op.operation.tags) && typeof op.operation.tags[0] === 'string' ? op.operation.tags[0] : '';
  const id = typeof op.operation.operationId === 'string' ? op.operation.operationId : '';
  return `#/${redocSlug(tag)}/${redocSlug(id)}`;
}
