// Where the project lives; rule documentation links are built from it.
export const REPOSITORY_URL = 'https://github.com/outcome-lens/outcome-lens';

// Made once per rule: a long page's thousands of findings would each build their own copy.
const docsUrls = new Map<string, string>();

export function ruleDocsUrl(ruleId: string): string {
  let url = docsUrls.get(ruleId);
  if (url === undefined) {
    url = `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
    // Any caller may ask for any id: a bound keeps the map small whatever they ask.
    if (docsUrls.size < 256) docsUrls.set(ruleId, url);
  }
  return url;
}
