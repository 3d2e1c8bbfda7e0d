// A typed call with no GraphQL client library: fetch, the generated TypedDocumentNode, and the role's types.
// Run: WAREHOUSE_URL=http://localhost:5080 WAREHOUSE_TOKEN=... npx tsx src/households-below-line.ts (or compile with tsc).
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { HouseholdsBelowLineDocument } from "./gql/county/graphql";

type GraphQLError = { message: string; path?: (string | number)[]; extensions?: { code?: string } };

async function execute<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<{ data: TData | null; errors: GraphQLError[] }> {
  const response = await fetch(`${process.env.WAREHOUSE_URL ?? "http://localhost:5080"}/graphql`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json",
      Authorization: `Bearer ${process.env.WAREHOUSE_TOKEN}`,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  // Request errors (bad document, limits) come as 4xx with a JSON body; field errors as 200 with partial data.
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLError[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

const { data, errors } = await execute(HouseholdsBelowLineDocument, {});
for (const error of errors) console.error(`${error.extensions?.code}: ${error.message} at ${error.path?.join(".")}`);
// households is nullable (a failing root field does not null its siblings); id is non-null, no `!` needed.
const households = data?.households;
if (households) {
  console.log(`${households.totalCount} households below 8,500 元`);
  for (const h of households.nodes) {
    const income: number | null | undefined = h.perCapitaNetIncome;
    const id: string = h.id; // non-null key: this line would not compile against a nullable id
    console.log(id, income?.toFixed(2));
  }
}
