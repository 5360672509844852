/**
 * A slug suggested from a workspace's name, as the server checks them (`src/domain/workspaces/
 * rules.ts`: lower-case letters, digits and single hyphens, 3–40, starting with a letter). The
 * server has the last word (reserved words, uniqueness).
 *
 * @example suggestSlug('Orbit Alliance – Région Sud') // 'orbit-alliance-region-sud'
 */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
