// GraphQL Code Generator, one output per data role: each role has its own schema (fields it cannot read are
// absent, masked fields are String), so a client is generated against the SDL of the role it will call with.
// The documents of a role are the files in schema/examples that declare it ("# Runs as: county, township" or,
// for the dashboards, "# Role: village.").
import type { CodegenConfig } from "@graphql-codegen/cli";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const examples = "../../schema/examples";
const schemaOf: Record<string, string> = {
  county: "../../schema/warehouse.graphql",
  township: "../../schema/roles/township.graphql",
  village: "../../schema/roles/village.graphql",
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".graphql") ? [path] : [];
  });
}

function rolesOf(text: string): string[] {
  const runsAs = /^#\s*Runs as:\s*([a-z, ]+)$/m.exec(text);
  if (runsAs) return runsAs[1].split(",").map((r) => r.trim()).filter(Boolean);
  const role = /^#\s*Role:\s*(county|township|village)\b/m.exec(text);
  return role ? [role[1]] : [];
}

const all = files(examples);
const config: CodegenConfig = {
  overwrite: true,
  generates: Object.fromEntries(
    Object.entries(schemaOf).map(([role, schema]) => [
      `src/gql/${role}/`,
      {
        schema,
        documents: all.filter((f) => rolesOf(readFileSync(f, "utf8")).includes(role)),
        preset: "client",
        config: {
          // Money: the server returns JSON numbers with at most two decimals and accepts numbers or strings.
          // Keep inputs as strings when you compute with decimals; display outputs as they come.
          scalars: {
            Decimal: { input: "string | number", output: "number" },
            DateOnly: { input: "string", output: "string" }, // yyyy-MM-dd
          },
          enumsAsTypes: true,
          useTypeImports: true,
        },
        presetConfig: { fragmentMasking: false },
      },
    ]),
  ),
};

export default config;
