using System.Globalization;
using Microsoft.Data.Sqlite;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Import.Loading;
using Warehouse.Import.Mapping;
using Warehouse.Import.Reports;
using Warehouse.Import.Specs;
using Warehouse.Import.Templates;
using Warehouse.Migrations;

namespace Warehouse.Cli;

/// <summary>The import verbs: import, import-template and seed --to-xlsx (docs/import.md). The engine is Warehouse.Import.</summary>
internal static class ImportVerbs
{
    private const int RejectsShown = 20;

    public static int Import(DatabaseOptions database, CliArguments args, TextWriter output)
    {
        var file = args.Get("file") ?? throw new CliException("import needs --file <.xlsx, .csv or a folder of them>.");
        MigrationRunner.Run(database);
        var options = new ImportOptions
        {
            AcceptValid = args.Has("accept-valid"),
            DryRun = args.Has("dry-run"),
            User = args.Get("user") ?? Environment.UserName,
            Role = "cli",
            Entity = args.Get("entity") is { } e ? ImportEntities.Find(e)?.Name ?? throw new CliException(
                $"unknown entity '{e}': use {string.Join(", ", ImportEntities.All.Select(x => x.Name))}.") : null,
            Mapping = args.Get("mapping") is { } m ? Load(m) : null,
            Progress = new ConsoleProgress(output),
        };
        ImportResult result;
        try
        {
            result = ImportEngine.Run(database, file.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), options);
        }
        catch (FileNotFoundException ex)
        {
            throw new CliException(ex.Message, ex);
        }
        output.WriteLine($"{"entity",-12} {"read",8} {"rejected",9} {"inserted",9} {"updated",8} {"unchanged",10}");
        foreach (var (name, c) in result.Entities)
        {
            output.WriteLine($"{name,-12} {c.Read,8} {c.Rejected,9} {c.Inserted,9} {c.Updated,8} {c.Unchanged,10}");
        }
        if (result.Rejects.Count > 0)
        {
            var dir = args.Get("report") ?? ".";
            Directory.CreateDirectory(dir);
            var csv = Path.Combine(dir, "rejects.csv");
            var xlsx = Path.Combine(dir, "rejects.xlsx");
            RejectReportWriter.WriteCsv(csv, result.Rejects);
            RejectReportWriter.WriteXlsx(xlsx, result.Rejects);
            foreach (var r in result.Rejects.Take(RejectsShown))
            {
                output.WriteLine($"  {r.File} {r.Sheet} row {r.Row} {r.Column} '{r.Value}': {r.CodeText} {r.ReasonZh} / {r.ReasonEn}");
            }
            if (result.Rejects.Count > RejectsShown)
            {
                output.WriteLine($"  … {result.Rejects.Count - RejectsShown} more");
            }
            output.WriteLine($"{result.Errors} rejected values, {result.Rejects.Count - result.Errors} warnings: {csv}, {xlsx}");
        }
        var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (result.Committed)
        {
            output.WriteLine($"Committed in {seconds} s (file sha256 {result.FileHash[..16]}…).");
            return 0;
        }
        output.WriteLine(options.DryRun
            ? $"Dry run: nothing written ({seconds} s)."
            : $"Nothing written: {result.Errors} rejected values (fix them, or load the valid rows with --accept-valid). {seconds} s.");
        return options.DryRun && result.Errors == 0 ? 0 : 1;
    }

    public static int Template(CliArguments args, TextWriter output)
    {
        var name = args.Get("entity")
            ?? throw new CliException($"import-template needs --entity ({string.Join(", ", ImportEntities.All.Select(x => x.Name))}).");
        var entity = ImportEntities.Find(name)
            ?? throw new CliException($"unknown entity '{name}': use {string.Join(", ", ImportEntities.All.Select(x => x.Name))}.");
        var path = args.Get("out") ?? $"{entity.Name}.xlsx";
        TemplateWriter.Write(entity, path);
        output.WriteLine($"wrote {path}: sheet {entity.Label} ({entity.Columns.Count} columns, one example row) and sheet {TemplateWriter.NotesSheet}");
        return 0;
    }

    /// <summary>Generates a county into a scratch SQLite file and writes it as import files; the configured database is not touched.</summary>
    public static int SeedToXlsx(CliArguments args, TextWriter output)
    {
        var dir = args.Get("to-xlsx")!;
        var scratch = Path.Combine(Path.GetTempPath(), $"warehouse-seed-{Guid.NewGuid():N}.db");
        var options = new DatabaseOptions { ConnectionString = $"Data Source={scratch};Pooling=False" };
        try
        {
            var generator = new GeneratorOptions
            {
                Households = args.Int("households", 30_000),
                Seed = args.Int("seed", 42),
                CountyCode = args.Get("county") ?? options.CountyCode,
                ReferenceDate = args.Get("as-of") is { } asOf ? DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            };
            generator.Validate();
            MigrationRunner.Run(options);
            var summary = Seeder.Seed(options, generator);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated in {summary.Elapsed.TotalSeconds:0.0} s: {summary}"));
            WarehouseExporter.ExportAll(options, dir, output.WriteLine);
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new CliException(e.Message, e);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            var audit = SqliteAuditFile.PathFor(options);
            foreach (var f in new[] { scratch, scratch + "-wal", scratch + "-shm", audit, audit + "-wal", audit + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    private static MappingFile Load(string path)
    {
        try
        {
            return MappingFile.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>One line per phase and entity every 50,000 rows, so a long load shows it is moving.</summary>
    private sealed class ConsoleProgress(TextWriter output) : IProgress<ImportProgress>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Report(ImportProgress value)
        {
            if (value.Rows % 50_000 == 0 && value.Rows > 0 || value.Total == value.Rows && value.Total > 0)
            {
                var rows = value.Total is { } total ? $"{value.Rows}/{total}" : $"{value.Rows} rows";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {_clock.Elapsed.TotalSeconds,6:0.0} s  {value.Phase} {value.Entity}: {rows}"));
            }
        }
    }
}
