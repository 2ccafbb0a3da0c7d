// Where the project lives; rule documentation links are built from it.
export const REPOSITORY_URL = 'https://github.com/outcome-lens/outcome-lens';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
