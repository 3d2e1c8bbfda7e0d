using System.Diagnostics;
using System.Net;
using Warehouse.Tooling;

namespace Warehouse.Benchmarks;

/// <summary>
/// Scenario 6: /export/members.csv (the largest table: about 1,000,000 rows at 300,000 households) against
/// <c>sqlite3 -csv</c> (SQLite) or <c>psql</c> running <c>COPY (…) TO STDOUT (FORMAT csv)</c> (PostgreSQL) of the
/// same view, columns, scope and order, both read to the end by this process; rows/s and the server's peak RSS
/// during the exports.
/// </summary>
public static class CsvExportScenario
{
    private const string Fields = "id,householdId,villageCode,relation,gender,laborCapacity,workStatus,workMonths";
    private const string Columns = "member_id, household_id, village_code, relation, gender, labor_capacity, work_status, work_months";

    public static async Task<ResultRow> RunAsync(BenchmarkOptions options, Client client, ServerProcess server, County county, string token,
        TextWriter output, List<string> problems)
    {
        const string title = "CSV export /export/members.csv, 8 columns";
        const string target = "≥ 0.80x rows/s; peak RSS ≤ 300 MB";
        var path = "/export/members.csv?fields=" + Uri.EscapeDataString(Fields);
        var probe = await client.StreamAsync(server, path, token);
        if (probe.Status == HttpStatusCode.NotFound)
        {
            return new ResultRow(6, title, "pending (endpoint not built yet)", "", "", target, "pending");
        }
        if (probe.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the export answered {(int)probe.Status}");
        }
        var countyCode = county.Scalar<string>("SELECT county_code FROM member LIMIT 1");
        // The county exports no minors' records (aggregate-only for it), so the baseline leaves them out too.
        var postgres = county.Provider == Warehouse.Data.DatabaseProvider.PostgreSql;
        var select = $"SELECT {Columns} FROM {Warehouse.Data.DbNames.QuotedView(county.Provider, "members")} WHERE county_code = '{countyCode}' "
            + $"AND {county.AdultsOnly} ORDER BY member_id";
        var expected = county.Scalar<long>($"SELECT COUNT(*) FROM member WHERE {county.AdultsOnly}");
        var tool = postgres ? "psql COPY … TO STDOUT (FORMAT csv)" : "sqlite3 -csv";
        var resetWorked = server.ResetPeakRss();
        await using var anonymous = new Warehouse.Tooling.AnonymousMemoryPeak(server.Pid);
        var (ours, baseline) = (new List<double>(), new List<double>());
        long ourRows = 0, baseRows = 0;
        for (var i = 0; i < options.ExportRuns; i++)
        {
            var clock = Stopwatch.StartNew();
            var export = await client.StreamAsync(server, path, token);
            ours.Add(clock.Elapsed.TotalSeconds);
            ourRows = export.Lines - 1; // header
            clock.Restart();
            baseRows = postgres ? await PsqlCopyAsync(county.ConnectionString, select) : await Sqlite3Async(county.Path, select + ";");
            baseline.Add(clock.Elapsed.TotalSeconds);
        }
        if (ourRows != expected || baseRows != expected)
        {
            problems.Add($"scenario 6: export wrote {ourRows} rows, {tool} {baseRows}, the table holds {expected}");
        }
        return ExportResult.Row(6, title, target, expected, ours, baseline, tool, server.PeakRssMiB(), resetWorked,
            $"median of {ours.Count} exports per side; peak RSS = VmHWM of the server process, reset before the exports; anonymous = peak of "
            + "RssAnon + RssShmem sampled every 50 ms", anonymous.PeakMiB);
    }

    /// <summary>Runs sqlite3 -csv and counts the rows it writes (read from its stdout by this process, like the HTTP body).</summary>
    private static Task<long> Sqlite3Async(string database, string sql)
    {
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-csv");
        info.ArgumentList.Add("-cmd");
        info.ArgumentList.Add(".timeout 10000");
        info.ArgumentList.Add(database);
        info.ArgumentList.Add(sql);
        return CountLinesAsync(info, "sqlite3", "sqlite3");
    }

    /// <summary>
    /// psql running the server-side COPY … TO STDOUT in CSV (no header, as sqlite3 -csv), counted the same way; the
    /// connection goes as libpq keywords, the password (if any) in PGPASSWORD so it is not on a command line.
    /// </summary>
    private static Task<long> PsqlCopyAsync(string connectionString, string select)
    {
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-X");
        info.ArgumentList.Add("-q");
        info.ArgumentList.Add("-v");
        info.ArgumentList.Add("ON_ERROR_STOP=1");
        info.ArgumentList.Add("-d");
        info.ArgumentList.Add($"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database} options='-c TimeZone=UTC'");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"COPY ({select}) TO STDOUT (FORMAT csv)");
        if (!string.IsNullOrEmpty(npgsql.Password))
        {
            info.Environment["PGPASSWORD"] = npgsql.Password;
        }
        return CountLinesAsync(info, "psql", "postgresql-client");
    }

    private static async Task<long> CountLinesAsync(ProcessStartInfo info, string tool, string package)
    {
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed (apt-get install -y {package}): " + e.Message, e);
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var buffer = new byte[1 << 16];
            long lines = 0;
            int read;
            var stream = process.StandardOutput.BaseStream;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed: " + await errors);
            }
            return lines;
        }
    }
}
