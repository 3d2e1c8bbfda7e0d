using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Npgsql;
using Warehouse.Data;

namespace Warehouse.Benchmarks.Baselines;

/// <summary>
/// The baselines of the suite: bare ASP.NET Core endpoints that run hand-written SQL through Microsoft.Data.Sqlite
/// or Npgsql (the same statements; only view names, the date arithmetic and the casts of SUM and AVG differ) and
/// write the same JSON as the GraphQL answer they are compared with. They live here, in a server process of
/// the benchmark's own (<see cref="BaselineServer"/>), so nothing of them ships in the product: they have no
/// authentication and no row scope beyond the county passed in.
/// </summary>
public static class BaselineEndpoints
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebApplication MapBaselines(this WebApplication app, DatabaseProvider provider, string databaseConnectionString)
    {
        var db = new Db(provider, provider == DatabaseProvider.PostgreSql
            ? databaseConnectionString
            : new SqliteConnectionStringBuilder(databaseConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        app.MapGet("/benchmark/baseline/ready", () => Results.Ok());
        app.MapGet("/benchmark/baseline/households-page", (HttpContext http) => HouseholdsPage(http, db));
        app.MapGet("/benchmark/baseline/households-aggregate", (HttpContext http) => HouseholdsAggregate(http, db));
        app.MapGet("/benchmark/baseline/households-simple", (HttpContext http) => HouseholdsSimple(http, db));
        return app;
    }

    /// <summary>The database the baselines read and the few spellings that differ between the two dialects.</summary>
    private sealed record Db(DatabaseProvider Provider, string ConnectionString)
    {
        private bool Postgres => Provider == DatabaseProvider.PostgreSql;

        public async Task<DbConnection> OpenAsync(CancellationToken cancel)
        {
            DbConnection connection = Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
            await connection.OpenAsync(cancel);
            return connection;
        }

        public string View(string name) => DbNames.QuotedView(Provider, name);

        /// <summary>The county reads no minors' records (PIPL Art. 28): born at least 14 years ago, by the UTC date.</summary>
        public string AdultsOnly => Postgres ? "birth_date <= CAST(CURRENT_DATE - INTERVAL '14 years' AS date)" : "birth_date <= date('now', '-14 years')";

        /// <summary>SUM of bigint is numeric and AVG numeric on PostgreSQL; the casts give the reader a long and a double.</summary>
        public string SumAsLong(string column) => Postgres ? $"CAST(SUM({column}) AS bigint)" : $"SUM({column})";

        public string AvgAsDouble(string column) => Postgres ? $"CAST(AVG({column}) AS double precision)" : $"AVG({column})";
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Scenario 1: a filtered, ordered page of households with their members nested.</summary>
    private static async Task HouseholdsPage(HttpContext http, Db db)
    {
        var q = http.Request.Query;
        var county = (string)q["county"]!;
        var below = long.Parse(q["belowFen"]!, CultureInfo.InvariantCulture);
        var monitorType = (string)q["monitorType"]!;
        var first = int.Parse(q["first"]!, CultureInfo.InvariantCulture);
        await using var connection = await db.OpenAsync(http.RequestAborted);
        var households = new List<(string Id, string Village, string Township, string Attr, string? Monitor, long Size, long PerCapita, long Net)>(first);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT household_id, village_code, township_code, household_attr, monitor_type, household_size,
                       per_capita_net_income_fen, net_income_fen
                FROM {db.View("households")}
                WHERE county_code = @county AND per_capita_net_income_fen < @below AND monitor_type = @monitor
                ORDER BY per_capita_net_income_fen, household_id
                LIMIT @first
                """;
            Add(command, "@county", county);
            Add(command, "@below", below);
            Add(command, "@monitor", monitorType);
            Add(command, "@first", first);
            await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
            while (await reader.ReadAsync(http.RequestAborted))
            {
                households.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
            }
        }
        var members = new Dictionary<string, List<(string Id, string Relation, string Gender, string Labor)>>(StringComparer.Ordinal);
        if (households.Count > 0)
        {
            await using var command = connection.CreateCommand();
            var names = new List<string>(households.Count);
            for (var i = 0; i < households.Count; i++)
            {
                names.Add("@h" + i.ToString(CultureInfo.InvariantCulture));
                Add(command, names[i], households[i].Id);
            }
            Add(command, "@county", county);
            command.CommandText = $"""
                SELECT member_id, household_id, relation, gender, labor_capacity
                FROM {db.View("members")}
                WHERE county_code = @county AND household_id IN ({string.Join(", ", names)})
                  AND {db.AdultsOnly}
                ORDER BY member_id
                """;
            await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
            while (await reader.ReadAsync(http.RequestAborted))
            {
                var household = reader.GetString(1);
                if (!members.TryGetValue(household, out var list))
                {
                    members[household] = list = [];
                }
                list.Add((reader.GetString(0), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body, Json);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("households");
        json.WriteStartArray("nodes");
        foreach (var h in households)
        {
            json.WriteStartObject();
            json.WriteString("id", h.Id);
            json.WriteString("villageCode", h.Village);
            json.WriteString("townshipCode", h.Township);
            json.WriteString("householdAttr", h.Attr);
            json.WriteString("monitorType", h.Monitor);
            json.WriteNumber("householdSize", h.Size);
            WriteYuan(json, "perCapitaNetIncome", h.PerCapita);
            WriteYuan(json, "netIncome", h.Net);
            json.WriteStartArray("members");
            if (members.TryGetValue(h.Id, out var list))
            {
                foreach (var m in list)
                {
                    json.WriteStartObject();
                    json.WriteString("id", m.Id);
                    json.WriteString("relation", m.Relation);
                    json.WriteString("gender", m.Gender);
                    json.WriteString("laborCapacity", m.Labor);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    /// <summary>Scenario 2: households grouped by township and monitoring type; count, sum and avg of income.</summary>
    private static async Task HouseholdsAggregate(HttpContext http, Db db)
    {
        var county = (string)http.Request.Query["county"]!;
        await using var connection = await db.OpenAsync(http.RequestAborted);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT township_code, monitor_type, COUNT(*), {db.SumAsLong("per_capita_net_income_fen")}, {db.AvgAsDouble("per_capita_net_income_fen")}
            FROM {db.View("households")}
            WHERE county_code = @county
            GROUP BY township_code, monitor_type
            ORDER BY township_code, monitor_type -- NULL first on SQLite, last on PostgreSQL: each engine's own order, as ours
            LIMIT 1000
            """;
        Add(command, "@county", county);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body, Json);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("householdsAggregate");
        json.WriteStartArray("groups");
        while (await reader.ReadAsync(http.RequestAborted))
        {
            json.WriteStartObject();
            json.WriteStartObject("keys");
            json.WriteString("townshipCode", reader.GetString(0));
            json.WriteString("monitorType", reader.IsDBNull(1) ? null : reader.GetString(1));
            json.WriteEndObject();
            json.WriteNumber("count", reader.GetInt64(2));
            json.WriteStartObject("sum");
            WriteYuan(json, "perCapitaNetIncome", reader.GetInt64(3));
            json.WriteEndObject();
            json.WriteStartObject("avg");
            json.WriteNumber("perCapitaNetIncome", reader.GetDouble(4) / 100.0);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    /// <summary>Scenario 4: the first households in key order, three columns.</summary>
    private static async Task HouseholdsSimple(HttpContext http, Db db)
    {
        var county = (string)http.Request.Query["county"]!;
        var first = int.Parse(http.Request.Query["first"]!, CultureInfo.InvariantCulture);
        await using var connection = await db.OpenAsync(http.RequestAborted);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT household_id, village_code, per_capita_net_income_fen
            FROM {db.View("households")}
            WHERE county_code = @county
            ORDER BY household_id
            LIMIT @first
            """;
        Add(command, "@county", county);
        Add(command, "@first", first);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body, Json);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("households");
        json.WriteStartArray("nodes");
        while (await reader.ReadAsync(http.RequestAborted))
        {
            json.WriteStartObject();
            json.WriteString("id", reader.GetString(0));
            json.WriteString("villageCode", reader.GetString(1));
            WriteYuan(json, "perCapitaNetIncome", reader.GetInt64(2));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    /// <summary>Fen as 元 without trailing zeros, as the API prints money.</summary>
    private static void WriteYuan(Utf8JsonWriter json, string name, long fen)
    {
        if (fen % 100 == 0)
        {
            json.WriteNumber(name, fen / 100);
        }
        else if (fen % 10 == 0)
        {
            json.WriteNumber(name, new decimal(fen / 10) / 10m);
        }
        else
        {
            json.WriteNumber(name, fen / 100m);
        }
    }
}
