/** Checks the schema cannot express: ids that repeat and references to things that do not exist. */
import type { Dataset } from './schema';
import type { Problem } from './parse';

export function checkReferences(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const unique = (kind: string, ids: Map<string, string>, value: string, path: string) => {
    const first = ids.get(value);
    if (first !== undefined) problems.push({ path: `${path}.id`, message: `${kind} id "${value}" is already used at ${first}` });
    else ids.set(value, path);
  };
  const outlets = new Map<string, string>();
  dataset.outlets.forEach((outlet, i) => unique('outlet', outlets, outlet.id, `$.outlets[${i}]`));
  const articles = new Map<string, string>();
  dataset.articles.forEach((article, i) => {
    const path = `$.articles[${i}]`;
    unique('article', articles, article.id, path);
    if (!outlets.has(article.outlet)) problems.push({ path: `${path}.outlet`, message: `no outlet has the id "${article.outlet}"` });
  });
  dataset.articles.forEach((article, i) => {
    article.translations.forEach((translation, k) => {
      if (!articles.has(translation.article)) {
        problems.push({ path: `$.articles[${i}].translations[${k}].article`, message: `no article has the id "${translation.article}"` });
      }
    });
  });
  const disputes = new Map<string, string>();
  const items = new Map<string, string>();
  dataset.disputes.forEach((dispute, d) => {
    const path = `$.disputes[${d}]`;
    unique('dispute', disputes, dispute.id, path);
    const claims = new Set<string>();
    dispute.claims.forEach((claim, c) => {
      unique('claim or response', items, claim.id, `${path}.claims[${c}]`);
      claims.add(claim.id);
      if (!articles.has(claim.article)) problems.push({ path: `${path}.claims[${c}].article`, message: `no article has the id "${claim.article}"` });
    });
    dispute.responses.forEach((response, r) => {
      const rPath = `${path}.responses[${r}]`;
      unique('claim or response', items, response.id, rPath);
      if (!articles.has(response.article)) problems.push({ path: `${rPath}.article`, message: `no article has the id "${response.article}"` });
      response.respondsTo.forEach((claimId, k) => {
        if (!claims.has(claimId)) problems.push({ path: `${rPath}.respondsTo[${k}]`, message: `no claim of this dispute has the id "${claimId}"` });
      });
    });
  });
  return problems;
}
