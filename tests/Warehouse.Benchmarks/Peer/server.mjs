// The benchmark suite's peer (docs/performance.md, "PostgreSQL and the PostGraphile peer"): PostGraphile 5 with its
// connection-filter and aggregates plugins over the warehouse's base tables (schema wh) of the same PostgreSQL
// database the API reads, on 127.0.0.1 only. No authentication, no region scope, no masks, no audit: it answers
// whatever is asked, which is what the comparison is about (our request path does all four).
//
// Started by the suite as `node server.mjs` with DATABASE_URL and PORT; run by hand the same way (see the doc).
// Tables, not the api views: views carry no primary or foreign keys, which PostGraphile needs for the members
// relation and for cursors; the api views over these tables are plain projections (same rows, same indexes).
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { PgAggregatesPreset } from "@graphile/pg-aggregates";

const connectionString = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 5678);
if (!connectionString) {
  console.error("DATABASE_URL is not set (postgres://user@127.0.0.1:port/database)");
  process.exit(2);
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset, PgAggregatesPreset],
  // PgIndexBehaviorsPlugin allows filtering and ordering only on indexed columns; the members' birth_date (the
  // minors rule the comparison applies, see below) has no index, so it is switched off.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString, schemas: ["wh"], poolConfig: { max: 20 } })],
  grafserv: { port, host: "127.0.0.1", graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once("listening", () => console.log(`PostGraphile peer on http://127.0.0.1:${port}/graphql`));
serv.addTo(server).then(() => server.listen(port, "127.0.0.1"), (e) => {
  console.error(e);
  process.exit(1);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close();
    pgl.release().finally(() => process.exit(0));
  });
}
