/**
 * Checks the schema cannot express: ids that repeat and references to things that do not exist.
 * Where an id was first seen is kept as indices, and turned into a path only for a problem: a valid
 * 100,000-claim file builds no path at all.
 */
import type { Dataset } from './schema';
import type { Problem } from './parse';

/** A claim or response as one number: dispute, claim (0) or response (1), index. */
const itemCode = (dispute: number, kind: 0 | 1, index: number) => (dispute * 1024 + index) * 2 + kind;
const itemPath = (code: number) => {
  const kind = code % 2;
  const rest = (code - kind) / 2;
  return `$.disputes[${Math.floor(rest / 1024)}].${kind === 0 ? 'claims' : 'responses'}[${rest % 1024}]`;
};

export function checkReferences(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const outlets = new Map<string, number>();
  dataset.outlets.forEach((outlet, i) => {
    const first = outlets.get(outlet.id);
    if (first !== undefined) problems.push({ path: `$.outlets[${i}].id`, message: `outlet id "${outlet.id}" is already used at $.outlets[${first}]` });
    else outlets.set(outlet.id, i);
  });
  const articles = new Map<string, number>();
  dataset.articles.forEach((article, i) => {
    const first = articles.get(article.id);
    if (first !== undefined) problems.push({ path: `$.articles[${i}].id`, message: `article id "${article.id}" is already used at $.articles[${first}]` });
    else articles.set(article.id, i);
    if (!outlets.has(article.outlet)) problems.push({ path: `$.articles[${i}].outlet`, message: `no outlet has the id "${article.outlet}"` });
  });
  dataset.articles.forEach((article, i) => {
    article.translations.forEach((translation, k) => {
      if (!articles.has(translation.article)) {
        problems.push({ path: `$.articles[${i}].translations[${k}].article`, message: `no article has the id "${translation.article}"` });
      }
    });
  });
  const disputes = new Map<string, number>();
  const items = new Map<string, number>();
  const unique = (id: string, code: number) => {
    const first = items.get(id);
    if (first !== undefined) problems.push({ path: `${itemPath(code)}.id`, message: `claim or response id "${id}" is already used at ${itemPath(first)}` });
    else items.set(id, code);
  };
  dataset.disputes.forEach((dispute, d) => {
    const first = disputes.get(dispute.id);
    if (first !== undefined) problems.push({ path: `$.disputes[${d}].id`, message: `dispute id "${dispute.id}" is already used at $.disputes[${first}]` });
    else disputes.set(dispute.id, d);
    const claims = new Set<string>();
    dispute.claims.forEach((claim, c) => {
      unique(claim.id, itemCode(d, 0, c));
      claims.add(claim.id);
      if (!articles.has(claim.article)) problems.push({ path: `$.disputes[${d}].claims[${c}].article`, message: `no article has the id "${claim.article}"` });
    });
    dispute.responses.forEach((response, r) => {
      unique(response.id, itemCode(d, 1, r));
      const path = () => `$.disputes[${d}].responses[${r}]`;
      if (!articles.has(response.article)) problems.push({ path: `${path()}.article`, message: `no article has the id "${response.article}"` });
      response.respondsTo.forEach((claimId, k) => {
        if (!claims.has(claimId)) problems.push({ path: `${path()}.respondsTo[${k}]`, message: `no claim of this dispute has the id "${claimId}"` });
      });
    });
  });
  return problems;
}
