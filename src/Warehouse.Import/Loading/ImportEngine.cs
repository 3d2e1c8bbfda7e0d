using System.Diagnostics;
using System.Security.Cryptography;
using Warehouse.Data;
using Warehouse.Import.Mapping;
using Warehouse.Import.Reading;
using Warehouse.Import.Reports;
using Warehouse.Import.Specs;
using Warehouse.Import.Templates;
using Warehouse.Import.Validation;

namespace Warehouse.Import.Loading;

/// <summary>
/// Imports files into the warehouse's base tables. Reads every sheet, validates every row of every entity
/// (a referenced entity first), then — only if nothing was rejected, or with <see cref="ImportOptions.AcceptValid"/>
/// — writes the valid rows in ONE transaction together with the audit record. Validation runs outside the
/// transaction: holding SQLite's write lock for the length of a 100,000-row validation would stall the server's
/// own writes (audit records), and the upsert is correct whatever another writer did meanwhile.
/// </summary>
public static class ImportEngine
{
    public static ImportResult Run(DatabaseOptions database, IEnumerable<string> paths, ImportOptions options)
    {
        var clock = Stopwatch.StartNew();
        var dialect = new Dialect(database.Provider);
        var result = new ImportResult();
        var files = paths.SelectMany(SourceFiles.Expand).ToList();
        result.FileHash = Hash(files);

        var sheets = new List<(EntitySpec Entity, SourceSheet Sheet, EntityMapping? Mapping)>();
        foreach (var file in files)
        {
            IReadOnlyList<SourceSheet> opened;
            try
            {
                opened = SourceFiles.Open(file);
            }
            catch (InvalidDataException e)
            {
                result.Rejects.Add(new Reject(Path.GetFileName(file), "", 0, "", null, RejectCode.BadFile, e.Message));
                continue;
            }
            foreach (var sheet in opened)
            {
                if (sheet.Sheet == TemplateWriter.NotesSheet)
                {
                    continue;
                }
                var (entity, mapping) = Assign(sheet, options);
                if (entity is null)
                {
                    result.Rejects.Add(new Reject(sheet.File, sheet.Sheet, 0, "", sheet.Sheet, RejectCode.UnknownSheet,
                        string.Join("/", ImportEntities.All.Select(x => $"{x.Name}|{x.Label}"))));
                    continue;
                }
                sheets.Add((entity, sheet, mapping));
            }
        }

        using var connection = dialect.Open(database);
        var loading = ImportEntities.All.Where(e => sheets.Any(s => s.Entity == e)).ToList();
        var index = ReferenceIndex.Load(connection, null, dialect, loading);
        var valid = new Dictionary<EntitySpec, List<object?[]>>();
        foreach (var entity in loading)
        {
            var validator = new EntityValidator(entity, index, result.Rejects);
            var counts = result.For(entity.Name);
            foreach (var (_, sheet, mapping) in sheets.Where(s => s.Entity == entity))
            {
                var layout = SheetLayout.Create(entity, sheet.Headers, mapping);
                foreach (var unknown in layout.UnknownHeaders)
                {
                    result.Rejects.Add(new Reject(sheet.File, sheet.Sheet, 1, unknown, null, RejectCode.UnknownColumn));
                }
                var missing = layout.MissingRequired.ToList();
                if (missing.Count > 0)
                {
                    // Without a required column no row of the sheet can be loaded: each row counts as rejected.
                    result.Rejects.AddRange(missing.Select(c => new Reject(sheet.File, sheet.Sheet, 1, c.Header, null, RejectCode.MissingColumn)));
                    var rows = sheet.Rows().Count();
                    counts.Read += rows;
                    counts.Rejected += rows;
                    continue;
                }
                validator.Validate(sheet, layout, options.Progress);
            }
            counts.Read += validator.Read;
            counts.Rejected += validator.Rejected;
            valid[entity] = validator.Valid;
            options.Progress?.Report(new ImportProgress("validate", entity.Name, validator.Read, validator.Read));
        }

        if (options.DryRun || (result.Errors > 0 && !options.AcceptValid))
        {
            if (!options.DryRun)
            {
                ImportAudit.Write(connection, null, dialect, options, files, result);
            }
            result.Elapsed = clock.Elapsed;
            return result;
        }

        using (var transaction = connection.BeginTransaction())
        {
            foreach (var entity in loading)
            {
                TableWriter.Write(connection, transaction, dialect, entity, valid[entity], index[entity.Name], result.For(entity.Name), options.Progress);
            }
            result.Committed = true;
            ImportAudit.Write(connection, transaction, dialect, options, files, result);
            transaction.Commit();
        }
        result.Elapsed = clock.Elapsed;
        return result;
    }

    private static (EntitySpec? Entity, EntityMapping? Mapping) Assign(SourceSheet sheet, ImportOptions options)
    {
        if (options.Mapping is { } mapping)
        {
            foreach (var (name, rules) in mapping.Entities)
            {
                if (rules.Sheets.Contains(sheet.Sheet) || (options.Entity is not null && ImportEntities.Find(options.Entity)?.Name == ImportEntities.Find(
                    name)?.Name && rules.Sheets.Count == 0))
                {
                    return (ImportEntities.Require(name), rules);
                }
            }
        }
        var entity = ImportEntities.Find(sheet.Sheet) ?? (options.Entity is { } e ? ImportEntities.Require(e) : null);
        return (entity, entity is null ? null : options.Mapping?.Entities.GetValueOrDefault(entity.Name));
    }

    private static string Hash(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
