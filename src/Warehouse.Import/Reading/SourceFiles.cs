namespace Warehouse.Import.Reading;

/// <summary>Opens the sheets of the files to import: a workbook's sheets, a CSV file, or every such file of a folder.</summary>
internal static class SourceFiles
{
    public static IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                .Where(f => !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no file or folder {path}.", path);
        }
        return [path];
    }

    /// <summary>The sheets of one file; throws <see cref="InvalidDataException"/> for a file that is neither xlsx nor csv or cannot be read.</summary>
    public static IReadOnlyList<SourceSheet> Open(string file)
    {
        try
        {
            if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return [CsvSheetReader.Open(file)];
            }
            if (file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                return XlsxSheetReader.Open(file).ToList();
            }
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"{Path.GetFileName(file)}: {e.Message}", e);
        }
        throw new InvalidDataException($"{Path.GetFileName(file)}: only .xlsx and .csv files can be imported.");
    }
}
